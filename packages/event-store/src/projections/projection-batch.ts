import type { Pool, PoolClient } from 'pg';
import type { PostgresEventStore, Queryable, StorePosition } from '../postgres/postgres-event-store';
import { applyOrPark, isTransient, parkInto } from './dead-letters';
import { assertTableName, type ProjectionDefinition, relevantEvents } from './projection';

export interface ProjectionBatchOptions {
  batchSize: number;
  /**
   * With more than one projection: the longest one projection may take over its share of a batch before
   * the batch is given up (its transaction ended on the server) and that projection is left to a lane of its
   * own, so a slow or stuck projection holds the others up once, by this much, never for good.
   */
  budgetMs: number;
}

/** Why a projection left a shared batch, to be run in a lane of its own until it keeps up again. */
export type LeftAlone =
  { name: string; reason: 'failed'; error: unknown } | { name: string; reason: 'slow' | 'behind' };

/** What one batch did. */
export interface ProjectionBatchOutcome {
  /** Events read (0: caught up, another process holds every projection, or the batch was given up). */
  read: number;
  /** Committed events wait behind the fence: worth looking again soon even without a NOTIFY. */
  fenced: boolean;
  /** Projections that took no part (their checkpoint did not move): run them alone from now on. */
  alone: LeftAlone[];
}

/**
 * Applies the next batch of events to several projections in one transaction: their checkpoint rows are
 * locked together (SKIP LOCKED: those another process holds are skipped), the events are read once from
 * the oldest checkpoint among them and each projection applies those after its own, and every checkpoint
 * that moved is stored in the same transaction (one statement: they all end at the batch's last event).
 * So each event is still applied exactly once per projection, and a process runs a projection only while
 * it holds its row. One too far behind the others to share their batch, or slower than the budget, is left
 * out (`alone`). With one projection this is the plain per-projection batch.
 *
 * A batch is first applied without savepoints (a savepoint and its release are two more statements a
 * projection, and a subtransaction for the server). When a share fails transiently the batch is rolled back
 * and that projection left out, so the others go again at once; when it fails otherwise (an event it
 * cannot apply), the batch is run again guarded: each share under a savepoint of its own (`applyOrPark`,
 * which parks the events that fail alone), a share that then fails transiently rolled back to its
 * savepoint and its projection left out while the others commit.
 */
export async function runProjectionBatch(
  pool: Pool,
  store: PostgresEventStore,
  projections: readonly ProjectionDefinition[],
  options: ProjectionBatchOptions,
): Promise<ProjectionBatchOutcome> {
  const byName = new Map(projections.map((projection) => [projection.name, projection]));
  const budgeted = projections.length > 1 ? options : { ...options, budgetMs: 0 };
  const db = await pool.connect();
  try {
    await db.query('BEGIN');
    let outcome: ProjectionBatchOutcome;
    try {
      outcome = await batchIn(db, store, byName, budgeted, false);
    } catch (error) {
      if (!(error instanceof ShareFailed)) throw error;
      await db.query('ROLLBACK');
      if (isTransient(error.cause)) {
        db.release();
        return {
          read: 0,
          fenced: false,
          alone: [{ name: error.projection, reason: 'failed', error: error.cause }],
        };
      }
      await db.query('BEGIN');
      outcome = await batchIn(db, store, byName, budgeted, true);
    }
    await db.query('COMMIT');
    db.release();
    return outcome;
  } catch (error) {
    if (!(error instanceof SlowProjection)) {
      await db.query('ROLLBACK').catch(() => undefined);
      db.release();
      throw error;
    }
    await dropConnection(pool, db, error);
    return { read: 0, fenced: false, alone: [{ name: error.projection, reason: 'slow' }] };
  }
}

/**
 * Drops the connection a slow projection may still be using, so nothing it sends later lands anywhere, and
 * ends its transaction on the server (a statement waiting on a lock would not notice the connection gone),
 * which frees the other projections' rows for the next batch. The server is asked only once the connection
 * has closed on this side: its answer to a connection still open would reach the pool as an error.
 */
async function dropConnection(pool: Pool, db: PoolClient, reason: Error): Promise<void> {
  // pg knows the backend's process id from the handshake (not in its typings).
  const backend = (db as PoolClient & { processID: number | null }).processID;
  let timer: NodeJS.Timeout | undefined;
  const closed = new Promise<void>((resolve) => {
    db.once('end', resolve);
    timer = setTimeout(resolve, 5000);
  });
  db.release(reason);
  await closed;
  clearTimeout(timer);
  await pool.query('SELECT pg_terminate_backend($1, 5000)', [backend]).catch(() => undefined);
}

async function batchIn(
  db: PoolClient,
  store: PostgresEventStore,
  byName: Map<string, ProjectionDefinition>,
  { batchSize, budgetMs }: ProjectionBatchOptions,
  guarded: boolean,
): Promise<ProjectionBatchOutcome> {
  const { rows } = await db.query<{ name: string; position: string; transaction_id: string }>(
    `SELECT name, position, transaction_id::text AS transaction_id FROM projection_checkpoints
      WHERE name = ANY($1::text[]) ORDER BY name FOR UPDATE SKIP LOCKED`,
    [[...byName.keys()]],
  );
  let lanes = rows.map((row) => ({
    projection: byName.get(row.name)!,
    at: { transactionId: row.transaction_id, position: Number(row.position) },
  }));
  if (lanes.length === 0) return { read: 0, fenced: false, alone: [] };
  const alone: LeftAlone[] = [];
  const oldest = lanes.reduce((min, lane) => (compare(lane.at, min) < 0 ? lane.at : min), lanes[0]!.at);
  const newest = lanes.reduce((max, lane) => (compare(lane.at, max) > 0 ? lane.at : max), lanes[0]!.at);
  let batch = await store.readSince(db, oldest, batchSize);
  if (batch.events.length === batchSize && batch.last && compare(batch.last, newest) < 0) {
    // The oldest checkpoints' batch does not reach the newest: those behind catch up on their own rather
    // than hold the others back a batch at a time.
    for (const lane of lanes)
      if (compare(lane.at, newest) < 0) alone.push({ name: lane.projection.name, reason: 'behind' });
    lanes = lanes.filter((lane) => compare(lane.at, newest) === 0);
    batch = await store.readSince(db, newest, batchSize);
  }
  const { events, places, last, fenced } = batch;
  if (!last) return { read: 0, fenced, alone };
  const moved: string[] = [];
  for (const { projection, at } of lanes) {
    const from = places.findIndex((place) => compare(place, at) > 0);
    if (from < 0) continue;
    const share = relevantEvents(projection, events.slice(from));
    const context = { db, table: (name: string) => assertTableName(name) };
    const applying = guarded
      ? applyOrPark(projection, share, context, parkInto(db, projection.name))
      : share.length > 0
        ? projection.apply(share, context)
        : Promise.resolve();
    try {
      await withinBudget(applying, budgetMs, projection.name);
      moved.push(projection.name);
    } catch (error) {
      if (error instanceof SlowProjection) throw error;
      if (!guarded) throw new ShareFailed(projection.name, error);
      // Its savepoint rolled back (or the connection is gone, and the next statement says so).
      alone.push({ name: projection.name, reason: 'failed', error });
    }
  }
  await saveCheckpoint(db, moved, last);
  return { read: events.length, fenced, alone };
}

/** Stores where projections stand, in the transaction that applied the events up to there. */
export async function saveCheckpoint(
  db: Queryable,
  names: readonly string[],
  at: StorePosition,
): Promise<void> {
  if (names.length === 0) return;
  await db.query(
    `UPDATE projection_checkpoints SET position = $2, transaction_id = $3::xid8, updated_at = now()
      WHERE name = ANY($1::text[])`,
    [names, at.position, at.transactionId],
  );
}

/** Order of places in the store (readSince's): transaction id, then global position. */
export function compare(a: StorePosition, b: StorePosition): number {
  const transactions = BigInt(a.transactionId) - BigInt(b.transactionId);
  if (transactions !== 0n) return transactions < 0n ? -1 : 1;
  return a.position - b.position;
}

/** A projection's share of an unguarded batch failed: the transaction is spoilt. */
class ShareFailed extends Error {
  constructor(
    readonly projection: string,
    override readonly cause: unknown,
  ) {
    super(`projection ${projection} failed its share of a batch`);
  }
}

class SlowProjection extends Error {
  constructor(readonly projection: string) {
    super(`projection ${projection} took longer than its budget in a shared batch`);
  }
}

/** `work`, or a SlowProjection once `budgetMs` (when above 0) has passed first. */
async function withinBudget(work: Promise<unknown>, budgetMs: number, projection: string): Promise<void> {
  if (budgetMs <= 0) {
    await work;
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  // A projection given up on may still fail later, on a connection that is gone: nobody waits for it.
  work.catch(() => undefined);
  try {
    await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new SlowProjection(projection)), budgetMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
