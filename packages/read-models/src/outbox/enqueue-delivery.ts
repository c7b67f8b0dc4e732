import type { PoolClient } from 'pg';
import { v5 as uuidV5 } from 'uuid';
import type { Queryable } from '../query-projection';
import type { DeliveryChannel, DeliveryKind } from './deliveries-for';

/** The outbox (migration NotificationOutbox): shared by every rebuild, so a replayed event sends nothing new. */
export const DELIVERIES_TABLE = 'notification_deliveries';
/**
 * A delivery decided this long after it was due is recorded as `expired`, not sent: the lane's first run on
 * an existing history (or a rebuild after the outbox was emptied) must not mail people about old news.
 */
const STALE_AFTER = '1 day';
/**
 * The channel senders LISTEN on: a write that queues a delivery announces it there, delivered by
 * Postgres when the write's transaction commits (the outbox lane's, with its checkpoint), so a sender wakes
 * as soon as there is something to send instead of at its next poll.
 */
export const OUTBOX_CHANNEL = 'notification_outbox';
// Namespace of delivery ids (random, fixed forever): the id is derived from the idempotency key.
const DELIVERIES_NAMESPACE = '6f1d2a9c-3e4b-4c8d-9b71-52a0e6c4d913';

/** The idempotency key a receiver can drop a repeat by: the deciding event, the recipient, the channel. */
export function idempotencyKeyOf(eventId: string, recipientId: string, channel: string): string {
  return `${eventId}:${recipientId}:${channel}`;
}

export function deliveryIdOf(idempotencyKey: string): string {
  return uuidV5(idempotencyKey, DELIVERIES_NAMESPACE);
}

export interface DeliveryToEnqueue {
  /** The fact it tells of: an event id, or another stable id (a test event, a disabled endpoint). */
  eventId: string;
  /** That fact's name: the event's type, or `WebhookTest`, `WebhookDisabled`, `WeeklyDigest`. */
  eventType: string;
  organisationId: string;
  channel: DeliveryChannel;
  recipientId: string;
  kind: DeliveryKind;
  /** Not sent before this time. */
  notBefore: string;
  payload: Record<string, unknown>;
}

/**
 * Writes a delivery to the outbox unless its idempotency key is there already, and announces it on
 * `OUTBOX_CHANNEL` when it is new and pending; answers its id. For facts that are not events (the sender,
 * the API); the outbox lane writes a batch's deliveries with `enqueueDeliveries`.
 */
export async function enqueueDelivery(
  db: PoolClient | Queryable,
  delivery: DeliveryToEnqueue,
): Promise<string> {
  const [id] = await enqueueDeliveries(db, [delivery]);
  return id!;
}

/**
 * Writes deliveries to the outbox in one statement, skipping those whose idempotency key is there already,
 * and announces on `OUTBOX_CHANNEL` when any is new and pending (Postgres delivers it when the transaction
 * commits, once however many it queued); answers their ids, in order.
 */
export async function enqueueDeliveries(
  db: PoolClient | Queryable,
  deliveries: readonly DeliveryToEnqueue[],
): Promise<string[]> {
  const keys = deliveries.map((d) => idempotencyKeyOf(d.eventId, d.recipientId, d.channel));
  const ids = keys.map(deliveryIdOf);
  if (deliveries.length === 0) return ids;
  await db.query(
    `WITH queued AS (
     INSERT INTO ${DELIVERIES_TABLE}
       (id, idempotency_key, organisation_id, event_id, event_type, channel, recipient_id, kind, payload,
        due_at, next_attempt_at, status)
     SELECT d.id, d.key, d.organisation_id, d.event_id, d.event_type, d.channel, d.recipient_id, d.kind,
            d.payload, d.due_at, d.due_at,
            CASE WHEN d.due_at < now() - interval '${STALE_AFTER}' THEN 'expired' ELSE 'pending' END
       FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::uuid[],
                   $8::text[], $9::jsonb[], $10::timestamptz[])
            AS d(id, key, organisation_id, event_id, event_type, channel, recipient_id, kind, payload, due_at)
     ON CONFLICT (idempotency_key) DO NOTHING
     RETURNING status)
     SELECT pg_notify('${OUTBOX_CHANNEL}', '') FROM queued WHERE status = 'pending' LIMIT 1`,
    [
      ids,
      keys,
      deliveries.map((d) => d.organisationId),
      deliveries.map((d) => d.eventId),
      deliveries.map((d) => d.eventType),
      deliveries.map((d) => d.channel),
      deliveries.map((d) => d.recipientId),
      deliveries.map((d) => d.kind),
      deliveries.map((d) => JSON.stringify(d.payload)),
      deliveries.map((d) => d.notBefore),
    ],
  );
  return ids;
}
