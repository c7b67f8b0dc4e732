import { type Static, Type } from '@sinclair/typebox';
import { oneOf, Uuid } from './identifiers';

export const DELIVERY_STATUSES = ['pending', 'sent', 'failed', 'expired', 'skipped'] as const;
export type DeliveryStatusName = (typeof DELIVERY_STATUSES)[number];
export const DELIVERY_CHANNELS = ['email', 'webhook'] as const;
export const DELIVERY_KINDS = [
  'escalation-raised',
  'task-overdue',
  'task-due-soon',
  'commitment-due',
  'coaching-session',
  'weekly-digest',
  'webhook-disabled',
  'webhook-event',
  'webhook-test',
] as const;

export const ListDeliveriesQuery = Type.Object(
  {
    status: Type.Optional(oneOf(DELIVERY_STATUSES)),
    channel: Type.Optional(oneOf(DELIVERY_CHANNELS)),
    /** A person (email) or a webhook endpoint. */
    recipientId: Type.Optional(Uuid),
    /** Queued at or after this time. */
    since: Type.Optional(Type.String({ format: 'date-time' })),
    /** Queued before this time. */
    until: Type.Optional(Type.String({ format: 'date-time' })),
    limit: Type.Optional(Type.String()),
    cursor: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type ListDeliveriesQuery = Static<typeof ListDeliveriesQuery>;

/** One message the outbox sends (or sent) to one recipient on one channel (admins' view). */
export const DeliveryView = Type.Object({
  id: Uuid,
  /** The deciding event, the recipient and the channel: a receiver drops a repeat by it. */
  idempotencyKey: Type.String(),
  eventId: Type.String(),
  /** The fact's name: the event's type (`EscalationRaised`), or `WebhookTest`, `WebhookDisabled`, `WeeklyDigest`. */
  eventType: Type.String(),
  channel: oneOf(DELIVERY_CHANNELS),
  recipientId: Uuid,
  /** The person's name (email) or the endpoint's URL (webhook); absent once the endpoint was deleted. */
  recipientName: Type.Optional(Type.String()),
  kind: oneOf(DELIVERY_KINDS),
  /**
   * `pending` until sent (retried with backoff), `sent` once; `failed` after the last retry, `expired` when
   * decided long after it was due (old history), `skipped` when nothing was left to say (task done, mail off).
   */
  status: oneOf(DELIVERY_STATUSES),
  attempts: Type.Integer({ minimum: 0 }),
  nextAttemptAt: Type.String({ format: 'date-time' }),
  lastError: Type.Optional(Type.String()),
  /** The receiver's answer to the last attempt (HTTP status for a webhook, SMTP reply code for a mail). */
  responseCode: Type.Optional(Type.Integer()),
  createdAt: Type.String({ format: 'date-time' }),
  sentAt: Type.Optional(Type.String({ format: 'date-time' })),
});
export type DeliveryView = Static<typeof DeliveryView>;
