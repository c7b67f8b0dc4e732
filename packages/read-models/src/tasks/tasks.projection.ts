import type { PoolClient } from 'pg';
import { cycleDirectoryTable, withCycleDirectory } from '../cycle-directory';
import type { WritingProjection } from '../live-updates/with-live-updates';
import { taskBatch, type TaskOpen, type TaskPatch } from './task-batch';
import { TASK_EVENT_TYPES } from './task-change';
import type { TaskSummaryRow } from './task-queries';

/** The inbox: one row per task of every cycle. */
export const TASKS_TABLE = 'tasks';
const TASK_CYCLES_TABLE = 'tasks_cycles';

/** A task as a batch left it: what its live update tells the assignee. */
export interface WrittenTask extends TaskSummaryRow {
  organisationId: string;
}

/** The tasks a batch wrote, by id, from its statements' `RETURNING` (later writes replace earlier ones). */
export type WrittenTasks = Map<string, WrittenTask>;

const RETURNING = (t: string) => `RETURNING ${t}task_id AS id, ${t}cycle_id AS "cycleId",
  ${t}organisation_id AS "organisationId", ${t}rep_id AS "repId", ${t}kind, ${t}assignee_id AS "assigneeId",
  ${t}due_at AS "dueAt", ${t}status, ${t}opened_at AS "openedAt", ${t}overdue_at AS "overdueAt"`;

/**
 * Every task of every cycle with its status, for inboxes (`assignee_id, status`), a cycle's open tasks and
 * the people a deactivated user's tasks go to. Sized for 20k reps with a dozen tasks per cycle: the inbox
 * query is an index range scan on (assignee_id, status, task_id), or (assignee_id, task_id) for a page of
 * every status, whatever the table's size (`npm run bench -- history`). A batch is written set-based: its
 * opens in one statement, then its changes folded into one patch a task (`taskBatch`) in another; both
 * return the rows they wrote, which the live updates announce.
 */
export const tasksProjection: WritingProjection<WrittenTasks> = {
  name: 'tasks',
  tables: [
    cycleDirectoryTable(TASK_CYCLES_TABLE),
    {
      name: TASKS_TABLE,
      create: (table) => [
        `CREATE TABLE ${table} (
          task_id uuid PRIMARY KEY,
          cycle_id uuid NOT NULL,
          organisation_id uuid NOT NULL,
          rep_id uuid NOT NULL,
          kind text NOT NULL,
          assignee_id uuid NOT NULL,
          due_at timestamptz NOT NULL,
          status text NOT NULL,
          context jsonb NOT NULL DEFAULT '{}',
          form_id uuid,
          form_version integer,
          rubric_id uuid,
          rubric_version integer,
          opened_at timestamptz NOT NULL,
          completed_at timestamptz,
          completed_by uuid,
          closed_at timestamptz,
          close_reason text,
          overdue_at timestamptz,
          updated_at timestamptz NOT NULL
        )`,
        `CREATE INDEX ON ${table} (assignee_id, status, task_id)`,
        // A page of every status walks this in task id order (the one above orders by status first).
        `CREATE INDEX ON ${table} (assignee_id, task_id)`,
        `CREATE INDEX ON ${table} (cycle_id, status)`,
        `CREATE INDEX ON ${table} (organisation_id, rep_id, status)`,
      ],
    },
  ],
  eventTypes: TASK_EVENT_TYPES,
  async apply(events, { db, table }) {
    const cycles = table(TASK_CYCLES_TABLE);
    const { opens, patches } = taskBatch(await withCycleDirectory(events, db, cycles));
    const written = [
      ...(opens.length > 0 ? await openTasks(db, table(TASKS_TABLE), cycles, opens) : []),
      ...(patches.length > 0 ? await patchTasks(db, table(TASKS_TABLE), patches) : []),
    ];
    return new Map(written.map((task) => [task.id, task]));
  },
};

/** A batch's opened tasks, in one statement: organisation, rep and rubric joined from the cycle directory. */
async function openTasks(
  db: PoolClient,
  tasks: string,
  cycles: string,
  opens: TaskOpen[],
): Promise<WrittenTask[]> {
  const { rows } = await db.query<WrittenTask>(
    `INSERT INTO ${tasks} (task_id, cycle_id, organisation_id, rep_id, kind, assignee_id, due_at, status,
       context, form_id, form_version, rubric_id, rubric_version, opened_at, updated_at)
     SELECT o.task_id, o.cycle_id, c.organisation_id, c.rep_id, o.kind, o.assignee_id, o.due_at, 'open',
            o.context, o.form_id, o.form_version, c.rubric_id, c.rubric_version, o.opened_at, o.opened_at
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::timestamptz[], $6::jsonb[],
                   $7::uuid[], $8::integer[], $9::timestamptz[])
            AS o(task_id, cycle_id, kind, assignee_id, due_at, context, form_id, form_version, opened_at)
       JOIN ${cycles} c ON c.cycle_id = o.cycle_id
     ON CONFLICT (task_id) DO NOTHING
     ${RETURNING('')}`,
    [
      opens.map(({ task }) => task.taskId),
      opens.map(({ cycleId }) => cycleId),
      opens.map(({ task }) => task.kind),
      opens.map(({ task }) => task.assigneeId),
      opens.map(({ task }) => task.dueAt),
      opens.map(({ task }) => JSON.stringify(task.context)),
      opens.map(({ task }) => task.form?.id ?? null),
      opens.map(({ task }) => task.form?.version ?? null),
      opens.map(({ task }) => task.openedAt),
    ],
  );
  return rows;
}

/** A batch's changes, one patch a task, in one statement (see `TaskPatch` for what null means). */
async function patchTasks(db: PoolClient, tasks: string, patches: TaskPatch[]): Promise<WrittenTask[]> {
  const { rows } = await db.query<WrittenTask>(
    `UPDATE ${tasks} t
        SET status = coalesce(p.status, t.status),
            completed_by = coalesce(p.completed_by, t.completed_by),
            completed_at = coalesce(p.completed_at, t.completed_at),
            close_reason = coalesce(p.close_reason, t.close_reason),
            closed_at = coalesce(p.closed_at, t.closed_at),
            assignee_id = coalesce(p.assignee_id, t.assignee_id),
            overdue_at = coalesce(t.overdue_at, p.overdue_at),
            updated_at = p.updated_at
       FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::timestamptz[], $5::text[], $6::timestamptz[],
                   $7::uuid[], $8::timestamptz[], $9::timestamptz[])
            AS p(task_id, status, completed_by, completed_at, close_reason, closed_at, assignee_id, overdue_at,
                 updated_at)
      WHERE t.task_id = p.task_id
      ${RETURNING('t.')}`,
    [
      patches.map((patch) => patch.taskId),
      patches.map((patch) => patch.status),
      patches.map((patch) => patch.completedBy),
      patches.map((patch) => patch.completedAt),
      patches.map((patch) => patch.closeReason),
      patches.map((patch) => patch.closedAt),
      patches.map((patch) => patch.assigneeId),
      patches.map((patch) => patch.overdueAt),
      patches.map((patch) => patch.updatedAt),
    ],
  );
  return rows;
}
