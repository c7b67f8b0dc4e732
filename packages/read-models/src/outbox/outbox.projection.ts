import { WEBHOOK_EVENT_TYPES } from '@coachflow/contracts';
import type { CycleEvent } from '@coachflow/domain';
import type { ProjectionDefinition } from '@coachflow/event-store';
import type { PoolClient } from 'pg';
import { cycleDirectoryTable, type EventOfCycle, withCycleDirectory } from '../cycle-directory';
import { WEBHOOK_ENDPOINTS_TABLE } from '../webhooks/webhook-endpoints';
import { deliveriesFor, type OutboxCommitment } from './deliveries-for';
import { type DeliveryToEnqueue, enqueueDeliveries } from './enqueue-delivery';

const OUTBOX_CYCLES_TABLE = 'outbox_cycles';
const OUTBOX_COMMITMENTS_TABLE = 'outbox_commitments';
const WEBHOOK_TYPES: readonly string[] = WEBHOOK_EVENT_TYPES;

/**
 * The notification outbox lane: decides deliveries from cycle events and writes them to the outbox in the
 * transaction that moves its checkpoint, so each event is decided exactly once (a crash replays the batch,
 * and the idempotency key keeps a replay, or a rebuild, from adding a second delivery). Mail goes to the
 * people `deliveriesFor` names; an event of a subscribed type goes to each webhook endpoint registered
 * before it was recorded. Set-based: a batch reads what it needs in one statement (`batchContext`), decides
 * in memory in event order, then writes its commitments in one statement and its deliveries in another.
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
    const commitmentsTable = table(OUTBOX_COMMITMENTS_TABLE);
    const ofCycles = await withCycleDirectory(events, db, table(OUTBOX_CYCLES_TABLE));
    if (ofCycles.length === 0) return;
    const recordedAt = new Map(events.map((event) => [event.id, event.recordedAt]));
    const context = await batchContext(
      db,
      table(OUTBOX_CYCLES_TABLE),
      commitmentsTable,
      ofCycles,
      recordedAt,
    );
    // Commitments as the batch has left them so far: an escalation names its commitment as it stood then.
    const commitments = new Map<string, OutboxCommitment>();
    const deliveries: DeliveryToEnqueue[] = [];
    for (const { event, cycleId } of ofCycles) {
      const read = context.get(event.id);
      const commitmentId = commitmentIdOf(event);
      const before = commitmentId ? (commitments.get(commitmentId) ?? read?.commitment) : undefined;
      const after = commitmentAfter(event, before);
      if (commitmentId && after) commitments.set(commitmentId, after);
      if (!read?.organisationId || !read.repId) continue;
      const cycle = { organisationId: read.organisationId, repId: read.repId };
      const fact = { eventId: event.id, eventType: event.type, organisationId: cycle.organisationId };
      for (const delivery of deliveriesFor(event, cycleId, cycle, () => before))
        deliveries.push({ ...fact, ...delivery });
      for (const endpointId of read.endpointIds)
        deliveries.push({
          ...fact,
          channel: 'webhook',
          recipientId: endpointId,
          kind: 'webhook-event',
          notBefore: (recordedAt.get(event.id) ?? new Date()).toISOString(),
          payload: { type: event.type, cycleId, repId: cycle.repId, data: event.data },
        });
    }
    if (commitments.size > 0) await rememberCommitments(db, commitmentsTable, commitments);
    await enqueueDeliveries(db, deliveries);
  },
};

/** What the lane reads for one event: its cycle, the endpoints it reaches, the commitment it names. */
interface EventContext {
  /** Null when the directory does not know the cycle: nothing is sent for it. */
  organisationId: string | null;
  repId: string | null;
  endpointIds: string[];
  commitment: OutboxCommitment | undefined;
}

/**
 * One statement for the batch: each event's cycle from the directory, the live webhook endpoints
 * subscribed to a webhook type's event and registered before it was recorded, and the stored commitment
 * the event names (as it stood before the batch).
 */
async function batchContext(
  db: PoolClient,
  cycles: string,
  commitments: string,
  ofCycles: readonly EventOfCycle[],
  recordedAt: Map<string, Date>,
): Promise<Map<string, EventContext>> {
  const { rows } = await db.query<{
    eventId: string;
    organisationId: string | null;
    repId: string | null;
    endpointIds: string[];
    title: string | null;
    dueAt: Date | null;
    madeAt: Date | null;
  }>(
    `SELECT ev.event_id AS "eventId", c.organisation_id AS "organisationId", c.rep_id AS "repId",
            array(SELECT e.id FROM ${WEBHOOK_ENDPOINTS_TABLE} e
                   WHERE ev.webhook AND e.organisation_id = c.organisation_id AND ev.type = ANY (e.event_types)
                     AND e.created_at <= ev.recorded_at AND e.disabled_at IS NULL
                   ORDER BY e.id) AS "endpointIds",
            m.title, m.due_at AS "dueAt", m.made_at AS "madeAt"
       FROM unnest($1::text[], $2::uuid[], $3::text[], $4::timestamptz[], $5::boolean[], $6::uuid[])
            AS ev(event_id, cycle_id, type, recorded_at, webhook, commitment_id)
       LEFT JOIN ${cycles} c ON c.cycle_id = ev.cycle_id
       LEFT JOIN ${commitments} m ON m.commitment_id = ev.commitment_id`,
    [
      ofCycles.map(({ event }) => event.id),
      ofCycles.map(({ cycleId }) => cycleId),
      ofCycles.map(({ event }) => event.type),
      ofCycles.map(({ event }) => recordedAt.get(event.id) ?? new Date()),
      ofCycles.map(({ event }) => WEBHOOK_TYPES.includes(event.type)),
      ofCycles.map(({ event }) => commitmentIdOf(event) ?? null),
    ],
  );
  return new Map(
    rows.map(({ eventId, title, dueAt, madeAt, ...read }) => [
      eventId,
      {
        ...read,
        commitment:
          title !== null && dueAt && madeAt
            ? { title, dueAt: dueAt.toISOString(), madeAt: madeAt.toISOString() }
            : undefined,
      },
    ]),
  );
}

/** The commitment whose title and due time an event sets or needs. */
function commitmentIdOf(event: CycleEvent): string | undefined {
  switch (event.type) {
    case 'CommitmentMade':
    case 'EscalationRaised':
    case 'EscalationResolved':
      return event.data.commitmentId;
    default:
      return undefined;
  }
}

/** A commitment's title and due time after an event: made, or moved by a resolved escalation. */
function commitmentAfter(
  event: CycleEvent,
  before: OutboxCommitment | undefined,
): OutboxCommitment | undefined {
  if (event.type === 'CommitmentMade')
    return {
      title: event.data.title,
      dueAt: new Date(event.data.dueAt).toISOString(),
      madeAt: new Date(event.data.at).toISOString(),
      // A commitment made again keeps when it was first made (the upsert leaves made_at).
      ...(before ? { madeAt: before.madeAt } : {}),
    };
  if (event.type === 'EscalationResolved' && event.data.dueAt && before)
    return { ...before, dueAt: new Date(event.data.dueAt).toISOString() };
  return undefined;
}

/** Commitment titles and due times, so an escalation's mail can name its commitment: one statement. */
async function rememberCommitments(
  db: PoolClient,
  table: string,
  commitments: Map<string, OutboxCommitment>,
): Promise<void> {
  const rows = [...commitments];
  await db.query(
    `INSERT INTO ${table} (commitment_id, title, due_at, made_at)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::timestamptz[])
     ON CONFLICT (commitment_id) DO UPDATE SET title = excluded.title, due_at = excluded.due_at`,
    [
      rows.map(([id]) => id),
      rows.map(([, commitment]) => commitment.title),
      rows.map(([, commitment]) => commitment.dueAt),
      rows.map(([, commitment]) => commitment.madeAt),
    ],
  );
}
