/** A running cycle's row in the `cycles` registry, as a new cycle reserves it. */
export interface CycleRow {
  id: string;
  organisationId: string;
  repId: string;
  managerId: string;
  playbookId: string;
  playbookVersion: number;
  workflowId: string;
}

/** Anything that runs parameterised SQL: a pg `Pool` or client, a TypeORM `DataSource` or repository. */
export interface SqlQueryRunner {
  query(sql: string, parameters: unknown[]): Promise<unknown>;
}

const UNIQUE_VIOLATION = '23505';

/**
 * Reserves a new cycle in the registry, in phase `prioritise` and running. Resolves false when the rep
 * already has a running cycle (the registry's one-running-cycle-per-rep index); inserting the same id again
 * is a no-op, so a retried reservation succeeds.
 */
export async function insertCycleRow(db: SqlQueryRunner, row: CycleRow): Promise<boolean> {
  try {
    await db.query(
      `INSERT INTO cycles (id, organisation_id, rep_id, manager_id, playbook_id, playbook_version, phase, status, workflow_id)
       VALUES ($1, $2, $3, $4, $5, $6, 'prioritise', 'running', $7) ON CONFLICT (id) DO NOTHING`,
      [
        row.id,
        row.organisationId,
        row.repId,
        row.managerId,
        row.playbookId,
        row.playbookVersion,
        row.workflowId,
      ],
    );
    return true;
  } catch (error) {
    // pg puts the SQLSTATE on the error; TypeORM's QueryFailedError copies it and keeps the driver's.
    const failure = error as { code?: string; driverError?: { code?: string } };
    if ((failure.code ?? failure.driverError?.code) === UNIQUE_VIOLATION) return false;
    throw error;
  }
}
