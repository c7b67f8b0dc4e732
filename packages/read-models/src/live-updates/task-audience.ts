import { asCycleEvent } from '../as-cycle-event';
import { cycleIdOfStream } from '../cycle-id-of-stream';
import { taskChange } from '../tasks/task-change';
import { toTaskSummary } from '../tasks/task-queries';
import type { WrittenTasks } from '../tasks/tasks.projection';
import type { LiveUpdate } from './live-update';
import type { LiveAudience } from './with-live-updates';

/**
 * A task's assignee hears of every change to it, with the task as the batch left it (what an inbox row
 * shows); a reassigned task's previous assignee hears that it changed, without the task, which is no
 * longer theirs to see. A change the batch wrote nothing for (a replay of a stored one) is not announced.
 */
export const taskAudience: LiveAudience<WrittenTasks> = (events, tasks) =>
  events.flatMap((recorded): LiveUpdate[] => {
    const cycleId = cycleIdOfStream(recorded.streamId);
    const event = asCycleEvent(recorded);
    const change = cycleId ? taskChange(event) : undefined;
    if (!cycleId || !change) return [];
    const taskId = change.op === 'open' ? change.task.taskId : change.taskId;
    const task = tasks.get(taskId);
    if (!task) return [];
    const previousAssignee = event.type === 'TaskReassigned' ? event.data.fromId : undefined;
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
