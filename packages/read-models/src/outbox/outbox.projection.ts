import { WEBHOOK_EVENT_TYPES } from '@coachflow/contracts';
import type { CommitmentMadeData, CycleEvent } from '@coachflow/domain';
import type { ProjectionDefinition } from '@coachflow/event-store';
import type { PoolClient } from 'pg';
import { applyWithCycleDirectory, cycleDirectoryTable } from '../cycle-directory';
import { endpointsSubscribedTo } from '../webhooks/webhook-endpoints';
import { deliveriesFor, type OutboxCommitment, type OutboxCycle } from './deliveries-for';
import { enqueueDelivery } from './enqueue-delivery';

const OUTBOX_CYCLES_TABLE = 'outbox_cycles';
const OUTBOX_COMMITMENTS_TABLE = 'outbox_commitments';
const WEBHOOK_TYPES: readonly string[] = WEBHOOK_EVENT_TYPES;

/**
 * The notification outbox lane: decides deliveries from cycle events and writes them to the outbox in the
 * transaction that moves its checkpoint, so each event is decided exactly once (a crash replays the batch,
 * and the idempotency key keeps a replay, or a rebuild, from adding a second delivery). Mail goes to the
 * people `deliveriesFor` names; an event of a subscribed type goes to each webhook endpoint registered
 * before it was recorded.
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
  eventTypes: [...new Set(['CycleStarted', 'TaskOpened', ...WEBHOOK_TYPES])],
  async apply(events, { db, table }) {
    const cycles = table(OUTBOX_CYCLES_TABLE);
    const commitments = table(OUTBOX_COMMITMENTS_TABLE);
    const recordedAt = new Map(events.map((event) => [event.id, event.recordedAt]));
    await applyWithCycleDirectory(events, db, cycles, async (event, cycleId) => {
      await rememberCommitments(db, commitments, event);
      const { rows } = await db.query<OutboxCycle>(
        `SELECT organisation_id AS "organisationId", rep_id AS "repId" FROM ${cycles} WHERE cycle_id = $1`,
        [cycleId],
      );
      const cycle = rows[0];
      if (!cycle) return;
      const commitmentId = event.type === 'EscalationRaised' ? event.data.commitmentId : undefined;
      const commitment = commitmentId ? await findCommitment(db, commitments, commitmentId) : undefined;
      for (const delivery of deliveriesFor(event, cycleId, cycle, () => commitment))
        await enqueueDelivery(db, {
          ...delivery,
          eventId: event.id,
          eventType: event.type,
          organisationId: cycle.organisationId,
        });
      if (WEBHOOK_TYPES.includes(event.type))
        await enqueueWebhooks(db, event, cycleId, cycle, recordedAt.get(event.id) ?? new Date());
    });
  },
};

async function enqueueWebhooks(
  db: PoolClient,
  event: CycleEvent,
  cycleId: string,
  cycle: OutboxCycle,
  recordedAt: Date,
): Promise<void> {
  const endpoints = await endpointsSubscribedTo(db, cycle.organisationId, event.type, recordedAt);
  for (const endpoint of endpoints)
    await enqueueDelivery(db, {
      eventId: event.id,
      eventType: event.type,
      organisationId: cycle.organisationId,
      channel: 'webhook',
      recipientId: endpoint.id,
      kind: 'webhook-event',
      notBefore: recordedAt.toISOString(),
      payload: { type: event.type, cycleId, repId: cycle.repId, data: event.data },
    });
}

/** Commitment titles and due times, so an escalation's mail can name its commitment. */
async function rememberCommitments(db: PoolClient, table: string, event: CycleEvent): Promise<void> {
  if (event.type === 'CommitmentMade') await rememberCommitment(db, table, event.data);
  if (event.type === 'EscalationResolved' && event.data.dueAt)
    await db.query(`UPDATE ${table} SET due_at = $2 WHERE commitment_id = $1`, [
      event.data.commitmentId,
      event.data.dueAt,
    ]);
}

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
