import type { CycleEvent, CycleStartedData } from '@coachflow/domain';
import type { ProjectionTable, RecordedEvent } from '@coachflow/event-store';
import type { PoolClient } from 'pg';
import { asCycleEvent } from './as-cycle-event';
import { cycleIdOfStream } from './cycle-id-of-stream';

export interface CycleDirectoryEntry {
  organisationId: string;
  repId: string;
  /** The rubric the cycle pinned (null for cycles started before configuration existed). */
  rubricId: string | null;
  rubricVersion: number | null;
}

/**
 * A projection's private lookup from cycle to organisation, rep and pinned rubric, filled from
 * CycleStarted: task and notification events do not repeat them, and reading another projection's table
 * would tie this one to that one's progress.
 */
export function cycleDirectoryTable(name: string): ProjectionTable {
  return {
    name,
    create: (table) => [
      `CREATE TABLE ${table} (
        cycle_id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL,
        rep_id uuid NOT NULL,
        rubric_id uuid,
        rubric_version integer
      )`,
    ],
  };
}

/**
 * The batch loop of a projection with a cycle directory: CycleStarted fills the directory `table`, every
 * other event of a cycle stream goes to `apply` with its cycle id, in order; events of other streams are
 * skipped. `apply` reads organisation and rep by joining the directory on `cycle_id`.
 */
export async function applyWithCycleDirectory(
  events: readonly RecordedEvent[],
  db: PoolClient,
  table: string,
  apply: (event: CycleEvent, cycleId: string) => Promise<void>,
): Promise<void> {
  for (const event of events) {
    const cycleId = cycleIdOfStream(event.streamId);
    if (!cycleId) continue;
    if (event.type === 'CycleStarted')
      await rememberCycle(db, table, event.data as unknown as CycleStartedData);
    else await apply(asCycleEvent(event), cycleId);
  }
}

async function rememberCycle(db: PoolClient, table: string, data: CycleStartedData): Promise<void> {
  await db.query(
    `INSERT INTO ${table} (cycle_id, organisation_id, rep_id, rubric_id, rubric_version)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (cycle_id) DO NOTHING`,
    [data.cycleId, data.organisationId, data.repId, data.rubric?.id ?? null, data.rubric?.version ?? null],
  );
}
