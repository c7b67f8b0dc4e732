import type { ProjectionDefinition } from '@coachflow/event-store';
import { applyWithCycleDirectory, cycleDirectoryTable } from '../cycle-directory';
import { TASK_EVENT_TYPES, taskChange } from './task-change';

/** The inbox: one row per task of every cycle. */
export const TASKS_TABLE = 'tasks';
const TASK_CYCLES_TABLE = 'tasks_cycles';

/**
 * Every task of every cycle with its status, for inboxes (`assignee_id, status`), a cycle's open tasks and
 * the people a deactivated user's tasks go to. Sized for 20k reps with a dozen tasks per cycle: the inbox
 * query is an index range scan on (assignee_id, status, task_id), or (assignee_id, task_id) for a page of
 * every status, whatever the table's size (`npm run bench -- history`).
 */
export const tasksProjection: ProjectionDefinition = {
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
    const tasks = table(TASKS_TABLE);
    const cycles = table(TASK_CYCLES_TABLE);
    await applyWithCycleDirectory(events, db, cycles, async (event, cycleId) => {
      const change = taskChange(event);
      if (!change) return;
      switch (change.op) {
        case 'open': {
          const task = change.task;
          await db.query(
            `INSERT INTO ${tasks} (task_id, cycle_id, organisation_id, rep_id, kind, assignee_id, due_at, status,
               context, form_id, form_version, rubric_id, rubric_version, opened_at, updated_at)
             SELECT $1, $2, c.organisation_id, c.rep_id, $3, $4, $5, 'open', $6, $7, $8, c.rubric_id,
                    c.rubric_version, $9, $9
               FROM ${cycles} c WHERE c.cycle_id = $2
             ON CONFLICT (task_id) DO NOTHING`,
            [
              task.taskId,
              cycleId,
              task.kind,
              task.assigneeId,
              task.dueAt,
              JSON.stringify(task.context),
              task.form?.id ?? null,
              task.form?.version ?? null,
              task.openedAt,
            ],
          );
          break;
        }
        case 'complete':
          await db.query(
            `UPDATE ${tasks} SET status = 'completed', completed_by = $2, completed_at = $3, updated_at = $3
              WHERE task_id = $1`,
            [change.taskId, change.by, change.at],
          );
          break;
        case 'close':
          await db.query(
            `UPDATE ${tasks} SET status = 'closed', close_reason = $2, closed_at = $3, updated_at = $3
              WHERE task_id = $1`,
            [change.taskId, change.reason, change.at],
          );
          break;
        case 'reassign':
          await db.query(`UPDATE ${tasks} SET assignee_id = $2, updated_at = $3 WHERE task_id = $1`, [
            change.taskId,
            change.toId,
            change.at,
          ]);
          break;
        case 'overdue':
          await db.query(
            `UPDATE ${tasks} SET overdue_at = coalesce(overdue_at, $2), updated_at = $2 WHERE task_id = $1`,
            [change.taskId, change.at],
          );
          break;
      }
    });
  },
};
