import type { EntityManager } from 'typeorm';
import { PeopleErrorCode, PeopleException } from './people.exception';

/**
 * Serialises changes to one organisation's reporting lines: two concurrent edits could each keep the tree
 * acyclic on their own and close a cycle together. Held until the transaction ends.
 */
export async function lockReportingLines(manager: EntityManager, organisationId: string): Promise<void> {
  await manager.query(`SELECT 1 FROM organisations WHERE id = $1 FOR UPDATE`, [organisationId]);
}

/**
 * Refuses `managerId` as the new manager of `userId` unless it is an active user of the same organisation and
 * not `userId` itself or anyone below them (which would close a cycle). Call under `lockReportingLines`.
 */
export async function assertValidManager(
  manager: EntityManager,
  organisationId: string,
  userId: string,
  managerId: string,
): Promise<void> {
  const rows: { found: boolean; cycle: boolean }[] = await manager.query(
    `WITH RECURSIVE up(id, manager_id) AS (
       SELECT id, manager_id FROM users WHERE id = $2 AND organisation_id = $1
       UNION
       SELECT u.id, u.manager_id FROM users u JOIN up ON u.id = up.manager_id)
     SELECT EXISTS (SELECT 1 FROM users WHERE id = $2 AND organisation_id = $1 AND active) AS found,
            EXISTS (SELECT 1 FROM up WHERE id = $3) AS cycle`,
    [organisationId, managerId, userId],
  );
  if (!rows[0]?.found) {
    throw new PeopleException(
      PeopleErrorCode.UnknownManager,
      'The manager is not an active user of your organisation.',
      [{ path: '/managerId', message: 'is not an active user of your organisation' }],
    );
  }
  if (rows[0].cycle) {
    throw new PeopleException(
      PeopleErrorCode.ReportingCycle,
      'The reporting line must stay a tree: nobody can report to themselves or to someone below them.',
      [{ path: '/managerId', message: 'would make the reporting line a cycle' }],
    );
  }
}
