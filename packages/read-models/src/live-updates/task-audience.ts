import { asCycleEvent } from '../as-cycle-event';
import { cycleIdOfStream } from '../cycle-id-of-stream';
import { taskChange } from '../tasks/task-change';
import { type TaskSummaryRow, toTaskSummary } from '../tasks/task-queries';
import { TASKS_TABLE } from '../tasks/tasks.projection';
import type { LiveUpdate } from './live-update';
import type { LiveAudience } from './with-live-updates';

interface TaskRow extends TaskSummaryRow {
  organisationId: string;
}

/**
 * A task's assignee hears of every change to it, with the task as the batch left it (what an inbox row
 * shows); a reassigned task's previous assignee hears that it changed, without the task, which is no
 * longer theirs to see.
 */
export const taskAudience: LiveAudience = async (events, { db, table }) => {
  const changes = events.flatMap((recorded) => {
    const cycleId = cycleIdOfStream(recorded.streamId);
    const event = asCycleEvent(recorded);
    const change = cycleId ? taskChange(event) : undefined;
    if (!cycleId || !change) return [];
    const taskId = change.op === 'open' ? change.task.taskId : change.taskId;
    const previousAssignee = event.type === 'TaskReassigned' ? event.data.fromId : undefined;
    return [{ recorded, cycleId, taskId, previousAssignee }];
  });
  if (changes.length === 0) return [];
  const { rows } = await db.query<TaskRow>(
    `SELECT task_id AS id, cycle_id AS "cycleId", organisation_id AS "organisationId", rep_id AS "repId",
            kind, assignee_id AS "assigneeId", due_at AS "dueAt", status, opened_at AS "openedAt",
            overdue_at AS "overdueAt"
       FROM ${table(TASKS_TABLE)} WHERE task_id = ANY($1::uuid[])`,
    [[...new Set(changes.map((change) => change.taskId))]],
  );
  const tasks = new Map(rows.map((row) => [row.id, row]));
  return changes.flatMap(({ recorded, cycleId, taskId, previousAssignee }): LiveUpdate[] => {
    const task = tasks.get(taskId);
    if (!task) return [];
    const update = {
      position: recorded.globalPosition,
      kind: 'task' as const,
      organisationId: task.organisationId,
    };
    const data = { type: recorded.type, cycleId, taskId };
    return [
      { ...update, userIds: [task.assigneeId], data: { ...data, task: toTaskSummary(task) } },
      ...(previousAssignee && previousAssignee !== task.assigneeId
        ? [{ ...update, userIds: [previousAssignee], data }]
        : []),
    ];
  });
};
