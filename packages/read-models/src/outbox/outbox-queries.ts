import type { DeliveryStatusName } from '@coachflow/contracts';
import { type Queryable, queryProjection } from '../query-projection';
import type { DeliveryChannel, DeliveryKind } from './deliveries-for';
import { DELIVERIES_TABLE } from './enqueue-delivery';

const ATTEMPTS_TABLE = 'notification_delivery_attempts';

export type DeliveryStatus = DeliveryStatusName;

export interface DeliveryRow {
  id: string;
  idempotencyKey: string;
  organisationId: string;
  eventId: string;
  /** The fact's name: the event's type, or WebhookTest, WebhookDisabled, WeeklyDigest. */
  eventType: string;
  channel: DeliveryChannel;
  recipientId: string;
  kind: DeliveryKind;
  payload: Record<string, unknown>;
  status: DeliveryStatus;
  attempts: number;
  /** When it was first due (retries give up counting from here). */
  dueAt: Date;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  /** The receiver's answer to the last attempt, when it gave one. */
  responseCode: number | null;
}

// Qualified: the admins' page joins people and endpoints, which have ids and times of their own.
const COLUMNS = `d.id, d.idempotency_key AS "idempotencyKey", d.organisation_id AS "organisationId",
  d.event_id AS "eventId", d.event_type AS "eventType", d.channel, d.recipient_id AS "recipientId", d.kind,
  d.payload, d.status, d.attempts, d.due_at AS "dueAt", d.next_attempt_at AS "nextAttemptAt",
  d.last_error AS "lastError", d.created_at AS "createdAt", d.sent_at AS "sentAt",
  (SELECT a.response_code FROM notification_delivery_attempts a WHERE a.delivery_id = d.id
   ORDER BY a.attempt DESC LIMIT 1) AS "responseCode"`;

/**
 * Leases up to `limit` pending deliveries that are due, counting the attempt. `SKIP LOCKED` lets several
 * senders claim at once without waiting on each other; the lease keeps a claimed row from the others until
 * it ends, and a sender that dies mid-send leaves a lease that simply runs out, so the delivery is tried
 * again (with the same id: the receiver drops a repeat by it).
 */
export async function claimDueDeliveries(
  db: Queryable,
  claim: { limit: number; leaseSeconds: number; channels: readonly string[] },
): Promise<DeliveryRow[]> {
  const { rows } = await db.query<DeliveryRow>(
    `UPDATE ${DELIVERIES_TABLE} d SET attempts = attempts + 1, lease_until = now() + make_interval(secs => $2)
     WHERE id IN (SELECT id FROM ${DELIVERIES_TABLE}
                  WHERE status = 'pending' AND next_attempt_at <= now() AND channel = ANY($3::text[])
                    AND (lease_until IS NULL OR lease_until < now())
                  ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
     RETURNING ${COLUMNS}`,
    [claim.limit, claim.leaseSeconds, claim.channels],
  );
  return rows;
}

export interface AttemptOutcome {
  deliveryId: string;
  attempt: number;
  startedAt: Date;
  outcome: 'sent' | 'failed' | 'skipped';
  responseCode?: number;
  error?: string;
  /** For a failure: when to try again, or undefined to give up (the delivery fails). */
  retryAt?: Date;
}

/** A delivery held back by quiet hours: its claim is not counted as an attempt. */
export interface Postponement {
  deliveryId: string;
  until: Date;
}

/**
 * Records what a batch did, in one statement (so all or none): its attempts, which move their deliveries on
 * (sent once: a delivery already sent stays as it was; skipped, retried later or failed), and its
 * postponements, which move a pending delivery's next attempt without counting the claim. Each claimed
 * delivery has one outcome, so the two updates never touch the same row.
 */
export async function recordBatchResults(
  db: Queryable,
  results: readonly AttemptOutcome[],
  postponed: readonly Postponement[] = [],
): Promise<void> {
  if (results.length === 0 && postponed.length === 0) return;
  await db.query(
    `WITH result AS (
       SELECT * FROM unnest($1::uuid[], $2::int[], $3::timestamptz[], $4::text[], $5::int[], $6::text[],
                            $7::timestamptz[])
         AS r(delivery_id, attempt, started_at, outcome, response_code, error, retry_at)
     ), recorded AS (
       INSERT INTO ${ATTEMPTS_TABLE} (delivery_id, attempt, started_at, outcome, response_code, error)
       SELECT delivery_id, attempt, started_at, outcome, response_code, error FROM result
       ON CONFLICT (delivery_id, attempt) DO NOTHING
     ), postponed AS (
       UPDATE ${DELIVERIES_TABLE} d SET next_attempt_at = p.until, lease_until = NULL, attempts = attempts - 1
       FROM unnest($8::uuid[], $9::timestamptz[]) AS p(id, until)
       WHERE d.id = p.id AND d.status = 'pending'
     )
     UPDATE ${DELIVERIES_TABLE} d
     SET status = CASE WHEN r.outcome <> 'failed' THEN r.outcome
                       WHEN r.retry_at IS NULL THEN 'failed' ELSE 'pending' END,
         lease_until = NULL, last_error = r.error,
         next_attempt_at = COALESCE(r.retry_at, d.next_attempt_at),
         sent_at = CASE WHEN r.outcome = 'sent' THEN now() ELSE d.sent_at END
     FROM result r WHERE d.id = r.delivery_id AND d.status = 'pending'`,
    [
      results.map((result) => result.deliveryId),
      results.map((result) => result.attempt),
      results.map((result) => result.startedAt),
      results.map((result) => result.outcome),
      results.map((result) => result.responseCode ?? null),
      results.map((result) => result.error ?? null),
      results.map((result) => result.retryAt ?? null),
      postponed.map((each) => each.deliveryId),
      postponed.map((each) => each.until),
    ],
  );
}

export interface DeliveriesQuery {
  organisationId: string;
  status?: DeliveryStatus;
  channel?: DeliveryChannel;
  recipientId?: string;
  /** Queued at or after this time. */
  since?: Date;
  /** Queued before this time. */
  until?: Date;
  /** The last delivery id of the previous page. */
  after?: string;
  limit: number;
}

/** A delivery as admins read it: with whom it went to, by name (a person) or address (an endpoint). */
export interface DeliveryListRow extends DeliveryRow {
  /** The person's name or the endpoint's URL; null once the endpoint was deleted. */
  recipientName: string | null;
}

/** One page of an organisation's deliveries, newest first. */
export function deliveriesPage(db: Queryable, query: DeliveriesQuery): Promise<DeliveryListRow[]> {
  return queryProjection<DeliveryListRow>(
    db,
    `SELECT ${COLUMNS}, CASE d.channel WHEN 'email' THEN u.name ELSE w.url END AS "recipientName"
     FROM ${DELIVERIES_TABLE} d
     LEFT JOIN users u ON d.channel = 'email' AND u.id = d.recipient_id
     LEFT JOIN webhook_endpoints w ON d.channel = 'webhook' AND w.id = d.recipient_id
     WHERE d.organisation_id = $1 AND ($2::text IS NULL OR d.status = $2)
       AND ($3::text IS NULL OR d.channel = $3) AND ($4::uuid IS NULL OR d.recipient_id = $4)
       AND ($5::timestamptz IS NULL OR d.created_at >= $5) AND ($6::timestamptz IS NULL OR d.created_at < $6)
       AND ($7::uuid IS NULL OR (d.created_at, d.id) < (SELECT created_at, id FROM ${DELIVERIES_TABLE}
                                                        WHERE id = $7 AND organisation_id = $1))
     ORDER BY d.created_at DESC, d.id DESC LIMIT $8`,
    [
      query.organisationId,
      query.status ?? null,
      query.channel ?? null,
      query.recipientId ?? null,
      query.since ?? null,
      query.until ?? null,
      query.after ?? null,
      query.limit,
    ],
  );
}

export interface DeliveryAttemptRow {
  attempt: number;
  startedAt: Date;
  finishedAt: Date;
  outcome: string;
  responseCode: number | null;
  error: string | null;
}

/** The attempts of a delivery, first first. */
export function deliveryAttempts(db: Queryable, deliveryId: string): Promise<DeliveryAttemptRow[]> {
  return queryProjection<DeliveryAttemptRow>(
    db,
    `SELECT attempt, started_at AS "startedAt", finished_at AS "finishedAt", outcome,
            response_code AS "responseCode", error
     FROM ${ATTEMPTS_TABLE} WHERE delivery_id = $1 ORDER BY attempt`,
    [deliveryId],
  );
}

export interface OutboxBacklog {
  /** Deliveries due now and not sent yet. */
  due: number;
  /** Age of the oldest of them, in seconds (0 when none). */
  oldestSeconds: number;
}

/** What the sender has not caught up with (for /health): deliveries already due and still pending. */
export async function outboxBacklog(db: Queryable): Promise<OutboxBacklog> {
  const rows = await queryProjection<{ due: string; oldest: number | null }>(
    db,
    `SELECT count(*) AS due, EXTRACT(EPOCH FROM now() - min(next_attempt_at))::float8 AS oldest
     FROM ${DELIVERIES_TABLE} WHERE status = 'pending' AND next_attempt_at <= now()`,
    [],
  );
  const row = rows[0];
  return { due: Number(row?.due ?? 0), oldestSeconds: Math.max(0, row?.oldest ?? 0) };
}
