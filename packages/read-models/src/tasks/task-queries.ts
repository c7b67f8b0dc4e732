import type { TaskKind, TaskStatus, TaskSummary } from '@coachflow/contracts';
import { type Queryable, queryProjection } from '../query-projection';
import { TASKS_TABLE } from './tasks.projection';

/** A task as the inbox holds it, with its cycle's current manager and playbook from the cycle registry. */
export interface TaskRow {
  id: string;
  cycleId: string;
  organisationId: string;
  repId: string;
  managerId: string;
  playbookId: string;
  playbookVersion: number;
  kind: TaskKind;
  assigneeId: string;
  dueAt: Date;
  status: TaskStatus;
  context: Record<string, unknown>;
  formId: string | null;
  formVersion: number | null;
  rubricId: string | null;
  rubricVersion: number | null;
  openedAt: Date;
  overdueAt: Date | null;
  completedAt: Date | null;
  closedAt: Date | null;
}

/** The columns of a task row an inbox row shows. */
export type TaskSummaryRow = Pick<
  TaskRow,
  'id' | 'cycleId' | 'repId' | 'kind' | 'assigneeId' | 'dueAt' | 'status' | 'openedAt' | 'overdueAt'
>;

/** What an inbox row shows of a task, as the API and live-update messages send it. */
export function toTaskSummary(row: TaskSummaryRow): TaskSummary {
  return {
    id: row.id,
    cycleId: row.cycleId,
    repId: row.repId,
    kind: row.kind,
    assigneeId: row.assigneeId,
    dueAt: row.dueAt.toISOString(),
    status: row.status,
    openedAt: row.openedAt.toISOString(),
    ...(row.overdueAt ? { overdueAt: row.overdueAt.toISOString() } : {}),
  };
}

const TASK_SELECT = `SELECT t.task_id AS id, t.cycle_id AS "cycleId", t.organisation_id AS "organisationId",
    t.rep_id AS "repId", c.manager_id AS "managerId", c.playbook_id AS "playbookId",
    c.playbook_version AS "playbookVersion", t.kind, t.assignee_id AS "assigneeId", t.due_at AS "dueAt",
    t.status, t.context, t.form_id AS "formId", t.form_version AS "formVersion", t.rubric_id AS "rubricId",
    t.rubric_version AS "rubricVersion", t.opened_at AS "openedAt", t.overdue_at AS "overdueAt",
    t.completed_at AS "completedAt", t.closed_at AS "closedAt"
  FROM ${TASKS_TABLE} t JOIN cycles c ON c.id = t.cycle_id`;

export interface InboxQuery {
  organisationId: string;
  assigneeId: string;
  status?: TaskStatus;
  cycleId?: string;
  /** The last task id of the previous page. */
  after?: string;
  limit: number;
}

/** One page of someone's inbox, by task id. */
export function inboxPage(db: Queryable, query: InboxQuery): Promise<TaskRow[]> {
  return queryProjection<TaskRow>(
    db,
    `${TASK_SELECT}
      WHERE t.assignee_id = $1 AND t.organisation_id = $2 AND ($3::text IS NULL OR t.status = $3)
        AND ($4::uuid IS NULL OR t.cycle_id = $4) AND ($5::uuid IS NULL OR t.task_id > $5)
      ORDER BY t.task_id LIMIT $6`,
    [
      query.assigneeId,
      query.organisationId,
      query.status ?? null,
      query.cycleId ?? null,
      query.after ?? null,
      query.limit,
    ],
  );
}

/**
 * A task of the caller's organisation by id, as SQL a session check runs in its own statement: `u` is the
 * caller's user row, `$4` the task id (the API's `@ReadWithSession`). The same row as `findTask`'s.
 */
export const TASK_OF_CALLER_SQL = `${TASK_SELECT} WHERE t.task_id = $4 AND t.organisation_id = u.organisation_id`;

/** A task of the organisation, or undefined (another organisation's is as absent as a missing one). */
export async function findTask(
  db: Queryable,
  organisationId: string,
  taskId: string,
): Promise<TaskRow | undefined> {
  const rows = await queryProjection<TaskRow>(
    db,
    `${TASK_SELECT} WHERE t.task_id = $1 AND t.organisation_id = $2`,
    [taskId, organisationId],
  );
  return rows[0];
}

/** Tasks by id, in one query, each with its organisation (the caller checks it). */
export async function tasksByIds(db: Queryable, taskIds: readonly string[]): Promise<Map<string, TaskRow>> {
  if (taskIds.length === 0) return new Map();
  const rows = await queryProjection<TaskRow>(db, `${TASK_SELECT} WHERE t.task_id = ANY($1::uuid[])`, [
    [...new Set(taskIds)],
  ]);
  return new Map(rows.map((row) => [row.id, row]));
}

/** The running cycles in which `userId` holds an open task, as far as the inbox knows. */
export async function runningCyclesWithOpenTasksOf(
  db: Queryable,
  organisationId: string,
  userId: string,
): Promise<string[]> {
  const rows = await queryProjection<{ cycle_id: string }>(
    db,
    `SELECT DISTINCT t.cycle_id FROM ${TASKS_TABLE} t
       JOIN cycles c ON c.id = t.cycle_id AND c.status = 'running'
      WHERE t.organisation_id = $1 AND t.assignee_id = $2 AND t.status = 'open'`,
    [organisationId, userId],
  );
  return rows.map((row) => row.cycle_id);
}
