import { asCycleEvent } from '../as-cycle-event';
import { cycleIdOfStream } from '../cycle-id-of-stream';
import { taskChange } from '../tasks/task-change';
import { TASKS_TABLE } from '../tasks/tasks.projection';
import type { LiveUpdate } from './live-update';
import type { LiveAudience } from './with-live-updates';

interface TaskRow {
  taskId: string;
  organisationId: string;
  assigneeId: string;
}

/** A task's assignee hears of every change to it; a reassigned task's previous assignee too. */
export const taskAudience: LiveAudience = async (events, { db, table }) => {
  const changes = events.flatMap((recorded) => {
    const cycleId = cycleIdOfStream(recorded.streamId);
    const event = asCycleEvent(recorded);
    const change = cycleId ? taskChange(event) : undefined;
    if (!cycleId || !change) return [];
    const taskId = change.op === 'open' ? change.task.taskId : change.taskId;
    const previousAssignee = event.type === 'TaskReassigned' ? [event.data.fromId] : [];
    return [{ recorded, cycleId, taskId, previousAssignee }];
  });
  if (changes.length === 0) return [];
  const { rows } = await db.query<TaskRow>(
    `SELECT task_id AS "taskId", organisation_id AS "organisationId", assignee_id AS "assigneeId"
       FROM ${table(TASKS_TABLE)} WHERE task_id = ANY($1::uuid[])`,
    [[...new Set(changes.map((change) => change.taskId))]],
  );
  const tasks = new Map(rows.map((row) => [row.taskId, row]));
  return changes.flatMap(({ recorded, cycleId, taskId, previousAssignee }): LiveUpdate[] => {
    const task = tasks.get(taskId);
    if (!task) return [];
    return [
      {
        position: recorded.globalPosition,
        kind: 'task',
        organisationId: task.organisationId,
        userIds: [task.assigneeId, ...previousAssignee],
        data: { type: recorded.type, cycleId, taskId },
      },
    ];
  });
};
