import type { TaskOpenedData } from '@coachflow/domain';
import type { EventOfCycle } from '../cycle-directory';
import { type TaskChange, taskChange } from './task-change';

/** A task a batch opens, in the cycle whose directory row gives it organisation, rep and rubric. */
export interface TaskOpen {
  cycleId: string;
  task: TaskOpenedData;
}

/**
 * What a batch's changes leave a task's fields at, applied after the batch's opens: null keeps the stored
 * value. `overdueAt` is the batch's first overdue time, kept only when the task was not overdue already.
 */
export interface TaskPatch {
  taskId: string;
  status: 'completed' | 'closed' | null;
  completedBy: string | null;
  completedAt: string | null;
  closeReason: string | null;
  closedAt: string | null;
  assigneeId: string | null;
  overdueAt: string | null;
  updatedAt: string;
}

/** A batch's inbox writes: the tasks it opens, and one patch per task it changes. */
export interface TaskBatch {
  opens: TaskOpen[];
  patches: TaskPatch[];
}

/**
 * Folds a batch's task events, in order, into the writes that leave the inbox as applying them one at a
 * time would: an open is kept once (the first, as `ON CONFLICT DO NOTHING` would), and each task's
 * changes become one patch where the last completion, closure, reassignment and change time win and the
 * first overdue time wins. A task's open precedes its changes in its stream, so writing every open before
 * every patch keeps each task's order.
 */
export function taskBatch(events: readonly EventOfCycle[]): TaskBatch {
  const opens = new Map<string, TaskOpen>();
  const patches = new Map<string, TaskPatch>();
  const patchOf = (taskId: string, at: string): TaskPatch => {
    const patch = patches.get(taskId) ?? {
      taskId,
      status: null,
      completedBy: null,
      completedAt: null,
      closeReason: null,
      closedAt: null,
      assigneeId: null,
      overdueAt: null,
      updatedAt: at,
    };
    patch.updatedAt = at;
    patches.set(taskId, patch);
    return patch;
  };
  for (const { event, cycleId } of events) {
    const change = taskChange(event);
    if (!change) continue;
    switch (change.op) {
      case 'open':
        if (!opens.has(change.task.taskId)) opens.set(change.task.taskId, { cycleId, task: change.task });
        break;
      case 'complete':
      case 'close':
        Object.assign(patchOf(change.taskId, change.at), ending(change));
        break;
      case 'reassign':
        patchOf(change.taskId, change.at).assigneeId = change.toId;
        break;
      case 'overdue': {
        const patch = patchOf(change.taskId, change.at);
        patch.overdueAt ??= change.at;
        break;
      }
    }
  }
  return { opens: [...opens.values()], patches: [...patches.values()] };
}

/** What a completion or a closure sets: the status, who or why, and when. */
function ending(change: Extract<TaskChange, { op: 'complete' | 'close' }>): Partial<TaskPatch> {
  return change.op === 'complete'
    ? { status: 'completed', completedBy: change.by, completedAt: change.at }
    : { status: 'closed', closeReason: change.reason, closedAt: change.at };
}
