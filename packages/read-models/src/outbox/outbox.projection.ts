import type { CommitmentMadeData } from '@coachflow/domain';
import type { ProjectionDefinition } from '@coachflow/event-store';
import type { PoolClient } from 'pg';
import { v5 as uuidV5 } from 'uuid';
import { applyWithCycleDirectory, cycleDirectoryTable } from '../cycle-directory';
import { deliveriesFor, type NewDelivery, type OutboxCommitment } from './deliveries-for';

/** The outbox (migration NotificationOutbox): shared by every rebuild, so a replayed event sends nothing new. */
export const DELIVERIES_TABLE = 'notification_deliveries';
const OUTBOX_CYCLES_TABLE = 'outbox_cycles';
const OUTBOX_COMMITMENTS_TABLE = 'outbox_commitments';
/**
 * A delivery decided this long after it was due is recorded as `expired`, not sent: the lane's first run on
 * an existing history (or a rebuild after the outbox was emptied) must not mail people about old news.
 */
const STALE_AFTER = '1 day';
// Namespace of delivery ids (random, fixed forever): the id is derived from the idempotency key.
const DELIVERIES_NAMESPACE = '6f1d2a9c-3e4b-4c8d-9b71-52a0e6c4d913';

/** The idempotency key a receiver can drop a repeat by: the deciding event, the recipient, the channel. */
export function idempotencyKeyOf(eventId: string, recipientId: string, channel: string): string {
  return `${eventId}:${recipientId}:${channel}`;
}

export function deliveryIdOf(idempotencyKey: string): string {
  return uuidV5(idempotencyKey, DELIVERIES_NAMESPACE);
}

/**
 * The notification outbox lane: decides deliveries from cycle events and writes them to the outbox in the
 * transaction that moves its checkpoint, so each event is decided exactly once (a crash replays the batch,
 * and the idempotency key keeps a replay, or a rebuild, from adding a second delivery).
 */
export const notificationOutboxProjection: ProjectionDefinition = {
  name: 'notification-outbox',
  tables: [
    cycleDirectoryTable(OUTBOX_CYCLES_TABLE),
    {
      name: OUTBOX_COMMITMENTS_TABLE,
      create: (table) => [
        `CREATE TABLE ${table} (
          commitment_id uuid PRIMARY KEY,
          title text NOT NULL,
          due_at timestamptz NOT NULL,
          made_at timestamptz NOT NULL
        )`,
      ],
    },
  ],
  eventTypes: [
    'CycleStarted',
    'CommitmentMade',
    'EscalationRaised',
    'EscalationResolved',
    'TaskOverdue',
    'TaskOpened',
  ],
  async apply(events, { db, table }) {
    const cycles = table(OUTBOX_CYCLES_TABLE);
    const commitments = table(OUTBOX_COMMITMENTS_TABLE);
    await applyWithCycleDirectory(events, db, cycles, async (event, cycleId) => {
      if (event.type === 'CommitmentMade') return rememberCommitment(db, commitments, event.data);
      if (event.type === 'EscalationResolved' && event.data.dueAt)
        return db
          .query(`UPDATE ${commitments} SET due_at = $2 WHERE commitment_id = $1`, [
            event.data.commitmentId,
            event.data.dueAt,
          ])
          .then(() => undefined);
      const { rows } = await db.query<{ organisationId: string; repId: string }>(
        `SELECT organisation_id AS "organisationId", rep_id AS "repId" FROM ${cycles} WHERE cycle_id = $1`,
        [cycleId],
      );
      const cycle = rows[0];
      if (!cycle) return;
      const commitmentId = event.type === 'EscalationRaised' ? event.data.commitmentId : undefined;
      const commitment = commitmentId ? await findCommitment(db, commitments, commitmentId) : undefined;
      const deliveries = deliveriesFor(event, cycleId, cycle, () => commitment);
      for (const delivery of deliveries) await insertDelivery(db, event.id, cycle.organisationId, delivery);
    });
  },
};

async function rememberCommitment(db: PoolClient, table: string, data: CommitmentMadeData): Promise<void> {
  await db.query(
    `INSERT INTO ${table} (commitment_id, title, due_at, made_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (commitment_id) DO UPDATE SET title = excluded.title, due_at = excluded.due_at`,
    [data.commitmentId, data.title, data.dueAt, data.at],
  );
}

async function findCommitment(
  db: PoolClient,
  table: string,
  commitmentId: string,
): Promise<OutboxCommitment | undefined> {
  const { rows } = await db.query<{ title: string; dueAt: Date; madeAt: Date }>(
    `SELECT title, due_at AS "dueAt", made_at AS "madeAt" FROM ${table} WHERE commitment_id = $1`,
    [commitmentId],
  );
  const row = rows[0];
  return row && { title: row.title, dueAt: row.dueAt.toISOString(), madeAt: row.madeAt.toISOString() };
}

async function insertDelivery(
  db: PoolClient,
  eventId: string,
  organisationId: string,
  delivery: NewDelivery,
): Promise<void> {
  const key = idempotencyKeyOf(eventId, delivery.recipientId, delivery.channel);
  await db.query(
    `INSERT INTO ${DELIVERIES_TABLE}
       (id, idempotency_key, organisation_id, event_id, channel, recipient_id, kind, payload, due_at,
        next_attempt_at,
        status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9,
       CASE WHEN $9::timestamptz < now() - interval '${STALE_AFTER}' THEN 'expired' ELSE 'pending' END)
     ON CONFLICT (idempotency_key) DO NOTHING`,
    [
      deliveryIdOf(key),
      key,
      organisationId,
      eventId,
      delivery.channel,
      delivery.recipientId,
      delivery.kind,
      JSON.stringify(delivery.payload),
      delivery.notBefore,
    ],
  );
}
