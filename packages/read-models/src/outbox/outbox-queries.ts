import type { DeliveryStatusName } from '@coachflow/contracts';
import type { Pool, PoolClient } from 'pg';
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

const COLUMNS = `id, idempotency_key AS "idempotencyKey", organisation_id AS "organisationId",
  event_id AS "eventId", channel, recipient_id AS "recipientId", kind, payload, status, attempts,
  due_at AS "dueAt", next_attempt_at AS "nextAttemptAt", last_error AS "lastError", created_at AS "createdAt", sent_at AS "sentAt",
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

/**
 * Records attempts and moves their deliveries on, in one transaction: sent (once: a delivery already sent
 * stays as it was), skipped, retried later or failed.
 */
export async function recordAttempts(pool: Pool, results: readonly AttemptOutcome[]): Promise<void> {
  if (results.length === 0) return;
  await inTransaction(pool, async (db) => {
    for (const result of results) {
      await db.query(
        `INSERT INTO ${ATTEMPTS_TABLE} (delivery_id, attempt, started_at, outcome, response_code, error)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (delivery_id, attempt) DO NOTHING`,
        [
          result.deliveryId,
          result.attempt,
          result.startedAt,
          result.outcome,
          result.responseCode ?? null,
          result.error ?? null,
        ],
      );
      const status = result.outcome === 'failed' ? (result.retryAt ? 'pending' : 'failed') : result.outcome;
      await db.query(
        `UPDATE ${DELIVERIES_TABLE}
         SET status = $2, lease_until = NULL, last_error = $3,
             next_attempt_at = COALESCE($4, next_attempt_at),
             sent_at = CASE WHEN $2 = 'sent' THEN now() ELSE sent_at END
         WHERE id = $1 AND status = 'pending'`,
        [result.deliveryId, status, result.error ?? null, result.retryAt ?? null],
      );
    }
  });
}

/** One attempt: `recordAttempts` of one. */
export function recordAttempt(pool: Pool, result: AttemptOutcome): Promise<void> {
  return recordAttempts(pool, [result]);
}

/** Moves a pending delivery's next attempt (quiet hours), without counting the claim as an attempt. */
export async function postponeDelivery(db: Queryable, deliveryId: string, until: Date): Promise<void> {
  await db.query(
    `UPDATE ${DELIVERIES_TABLE} SET next_attempt_at = $2, lease_until = NULL, attempts = attempts - 1
     WHERE id = $1 AND status = 'pending'`,
    [deliveryId, until],
  );
}

export interface DeliveriesQuery {
  organisationId: string;
  status?: DeliveryStatus;
  channel?: DeliveryChannel;
  recipientId?: string;
  /** The last delivery id of the previous page. */
  after?: string;
  limit: number;
}

/** One page of an organisation's deliveries, newest first. */
export function deliveriesPage(db: Queryable, query: DeliveriesQuery): Promise<DeliveryRow[]> {
  return queryProjection<DeliveryRow>(
    db,
    `SELECT ${COLUMNS} FROM ${DELIVERIES_TABLE} d
     WHERE organisation_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR channel = $3)
       AND ($4::uuid IS NULL OR recipient_id = $4)
       AND ($5::uuid IS NULL OR (created_at, id) < (SELECT created_at, id FROM ${DELIVERIES_TABLE}
                                                    WHERE id = $5 AND organisation_id = $1))
     ORDER BY created_at DESC, id DESC LIMIT $6`,
    [
      query.organisationId,
      query.status ?? null,
      query.channel ?? null,
      query.recipientId ?? null,
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

async function inTransaction(pool: Pool, work: (db: PoolClient) => Promise<void>): Promise<void> {
  const db = await pool.connect();
  try {
    await db.query('BEGIN');
    await work(db);
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    db.release();
  }
}
