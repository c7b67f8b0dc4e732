import type { CycleEvent, TaskOpenedData } from '@coachflow/domain';

/** What one event does to the inbox: open a task, or change fields of one. */
export type TaskChange =
  | { op: 'open'; task: TaskOpenedData }
  | { op: 'complete'; taskId: string; by: string; at: string }
  | { op: 'close'; taskId: string; reason: string; at: string }
  | { op: 'reassign'; taskId: string; toId: string; at: string }
  | { op: 'overdue'; taskId: string; at: string };

/** The task event types the inbox reads (CycleStarted only to learn the cycle's organisation and rep). */
export const TASK_EVENT_TYPES = [
  'CycleStarted',
  'TaskOpened',
  'TaskCompleted',
  'TaskClosed',
  'TaskReassigned',
  'TaskOverdue',
] as const satisfies readonly CycleEvent['type'][];

/** Maps a task event to its inbox change (pure); undefined for events that change no task. */
export function taskChange(event: CycleEvent): TaskChange | undefined {
  switch (event.type) {
    case 'TaskOpened':
      return { op: 'open', task: event.data };
    case 'TaskCompleted':
      return {
        op: 'complete',
        taskId: event.data.taskId,
        by: event.data.completedBy,
        at: event.data.completedAt,
      };
    case 'TaskClosed':
      return { op: 'close', taskId: event.data.taskId, reason: event.data.reason, at: event.data.closedAt };
    case 'TaskReassigned':
      return { op: 'reassign', taskId: event.data.taskId, toId: event.data.toId, at: event.data.at };
    case 'TaskOverdue':
      return { op: 'overdue', taskId: event.data.taskId, at: event.data.at };
    default:
      return undefined;
  }
}
