import type { TaskKind } from '@coachflow/contracts';
import { type Queryable, queryProjection } from '../query-projection';
import { TASKS_TABLE } from './tasks.projection';

/** An open task a weekly digest lists. */
export interface DigestTask {
  id: string;
  kind: TaskKind;
  assigneeId: string;
  repName: string;
  dueAt: Date;
  overdue: boolean;
  context: Record<string, unknown>;
}

/**
 * The open tasks a person's digest covers: those of the cycles they manage (their team's), and those
 * assigned to them or about them (a rep's own tasks and commitment check-ins), soonest due first.
 */
export function digestTasksOf(
  db: Queryable,
  query: { organisationId: string; userId: string; limit: number },
): Promise<DigestTask[]> {
  return queryProjection<DigestTask>(
    db,
    `SELECT t.task_id AS id, t.kind, t.assignee_id AS "assigneeId", u.name AS "repName", t.due_at AS "dueAt",
            t.overdue_at IS NOT NULL AS overdue, t.context
     FROM ${TASKS_TABLE} t JOIN cycles c ON c.id = t.cycle_id JOIN users u ON u.id = t.rep_id
     WHERE t.organisation_id = $1 AND t.status = 'open'
       AND (c.manager_id = $2 OR t.assignee_id = $2 OR t.rep_id = $2)
     ORDER BY t.due_at, t.task_id LIMIT $3`,
    [query.organisationId, query.userId, query.limit],
  );
}
