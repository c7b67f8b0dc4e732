import type { CycleEvent } from '@coachflow/domain';

export type NotificationKind = 'escalation' | 'task-overdue';

/** A notification an event sends, before it is stored. */
export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  taskId: string;
  createdAt: string;
  /** What the notification is about, for the reader (level, commitment, due time). */
  details: Record<string, unknown>;
}

export const NOTIFICATION_EVENT_TYPES = [
  'CycleStarted',
  'EscalationRaised',
  'TaskOverdue',
] as const satisfies readonly CycleEvent['type'][];

/**
 * Who an event notifies and of what (pure): an escalation its assignee, an overdue task its assignee (the
 * workflow emits TaskOverdue once per task, so the notification is sent once).
 */
export function notificationFor(event: CycleEvent): NewNotification | undefined {
  switch (event.type) {
    case 'EscalationRaised':
      return {
        userId: event.data.assigneeId,
        kind: 'escalation',
        taskId: event.data.taskId,
        createdAt: event.data.at,
        details: { level: event.data.level, commitmentId: event.data.commitmentId },
      };
    case 'TaskOverdue':
      return {
        userId: event.data.assigneeId,
        kind: 'task-overdue',
        taskId: event.data.taskId,
        createdAt: event.data.at,
        details: { dueAt: event.data.dueAt },
      };
    default:
      return undefined;
  }
}
