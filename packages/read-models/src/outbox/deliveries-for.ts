import type { DELIVERY_CHANNELS, DELIVERY_KINDS } from '@coachflow/contracts';
import type { CycleEvent } from '@coachflow/domain';

/** What a delivery tells its recipient; the sender picks the template by it. */
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/** How long before a task's due time the "due soon" reminder goes out. */
export const DUE_SOON_BEFORE_MS = 24 * 60 * 60 * 1000;

/** What the outbox lane knows of a cycle (its directory row) and of a commitment an event names. */
export interface OutboxCycle {
  organisationId: string;
  repId: string;
}
export interface OutboxCommitment {
  title: string;
  dueAt: string;
  madeAt: string;
}

/** A delivery an event decides, before it is stored. */
export interface NewDelivery {
  channel: DeliveryChannel;
  recipientId: string;
  kind: DeliveryKind;
  /** Not sent before this time (a due-soon reminder waits until a day before the due time). */
  notBefore: string;
  /** What the template needs that the event carries (names and addresses are read at send time). */
  payload: Record<string, unknown>;
}

/**
 * Who an event tells by email, and of what (pure): an escalation its assignee (naming the rep and the
 * commitment), an overdue task its assignee, a commitment check-in the rep on the day it is due, a coaching
 * session its assignee (with a calendar invite), and any other task with more than a day to go a reminder a
 * day before it is due (dropped at send time if the task is done by then).
 */
export function deliveriesFor(
  event: CycleEvent,
  cycleId: string,
  cycle: OutboxCycle,
  commitment: (commitmentId: string) => OutboxCommitment | undefined,
): NewDelivery[] {
  const email = (
    recipientId: string,
    kind: DeliveryKind,
    notBefore: string,
    payload: Record<string, unknown>,
  ): NewDelivery[] => [
    { channel: 'email', recipientId, kind, notBefore, payload: { cycleId, repId: cycle.repId, ...payload } },
  ];
  switch (event.type) {
    case 'EscalationRaised': {
      const made = commitment(event.data.commitmentId);
      return email(event.data.assigneeId, 'escalation-raised', event.data.at, {
        taskId: event.data.taskId,
        level: event.data.level,
        commitmentId: event.data.commitmentId,
        commitment: made ?? null,
        raisedAt: event.data.at,
      });
    }
    case 'TaskOverdue':
      return email(event.data.assigneeId, 'task-overdue', event.data.at, {
        taskId: event.data.taskId,
        dueAt: event.data.dueAt,
      });
    case 'TaskOpened': {
      const { taskId, kind, assigneeId, dueAt, openedAt, context } = event.data;
      if (kind === 'commitment-check-in')
        return email(assigneeId, 'commitment-due', openedAt, {
          taskId,
          taskKind: kind,
          dueAt,
          commitmentId: context['commitmentId'] ?? null,
          title: context['title'] ?? null,
        });
      if (kind === 'coaching-session')
        return email(assigneeId, 'coaching-session', openedAt, { taskId, taskKind: kind, dueAt });
      const remindAt = Date.parse(dueAt) - DUE_SOON_BEFORE_MS;
      if (remindAt <= Date.parse(openedAt)) return [];
      return email(assigneeId, 'task-due-soon', new Date(remindAt).toISOString(), {
        taskId,
        taskKind: kind,
        dueAt,
      });
    }
    default:
      return [];
  }
}
