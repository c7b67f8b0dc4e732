import type { Pool, PoolClient } from 'pg';
import type { RecordedEvent } from '../event-store';
import { type PostgresEventStore, STORE_START } from '../postgres/postgres-event-store';
import { applyOrPark, clearDeadLetters, parkInto } from './dead-letters';
import { assertTableName, type ProjectionDefinition, relevantEvents } from './projection';
import { saveCheckpoint } from './projection-batch';
import { withTransaction } from './projection-runner';

const FRESH = '__rebuild';
const RETIRED = '__retired';

export interface RebuildOptions {
  batchSize?: number;
  /** Progress lines, e.g. every batch. */
  progress?: (message: string) => void;
}

/**
 * Replays every event into fresh copies of a projection's tables while the live ones keep serving, then
 * swaps them in within one short transaction that also catches up the last events and sets the checkpoint.
 * Readers see the old tables until the swap commits and the new ones after; nothing is ever half-built. Parked
 * events are replayed like every other: after a fix they apply, and only those that still fail stay parked.
 */
export async function rebuildProjection(
  pool: Pool,
  store: PostgresEventStore,
  projection: ProjectionDefinition,
  options: RebuildOptions = {},
): Promise<{ events: number }> {
  const batchSize = options.batchSize ?? 2000;
  const progress = options.progress ?? (() => undefined);
  const fresh = (name: string) => assertTableName(`${name}${FRESH}`);

  await withTransaction(pool, async (db) => {
    for (const table of projection.tables) {
      await db.query(`DROP TABLE IF EXISTS ${fresh(table.name)}`);
      for (const statement of table.create(fresh(table.name))) await db.query(statement);
    }
    await db.query('INSERT INTO projection_checkpoints (name) VALUES ($1) ON CONFLICT DO NOTHING', [
      projection.name,
    ]);
  });

  let at = STORE_START;
  let read = 0;
  // Events that still fail, parked when the fresh tables are swapped in (the old dead letters go then).
  const parked: { event: RecordedEvent; error: unknown }[] = [];
  // Applies the next batch into the fresh tables; false once there is none.
  const replayBatch = async (db: PoolClient): Promise<boolean> => {
    const { events, last } = await store.readSince(db, at, batchSize);
    if (!last) return false;
    const relevant = relevantEvents(projection, events);
    await applyOrPark(projection, relevant, { db, table: fresh }, async (event, error) => {
      parked.push({ event, error });
    });
    at = last;
    read += events.length;
    return true;
  };
  while (await withTransaction(pool, replayBatch))
    progress(`${projection.name}: replayed ${read} events (position ${at.position})`);
  // Fresh tables have no planner statistics until autovacuum gets to them: without, Postgres plans an inbox
  // page of a rebuilt table as if it were empty (37.8 ms instead of 0.4 ms on 152,000 tasks). Outside the
  // swap's transaction, which stays short; the few rows it adds do not move the statistics.
  for (const table of projection.tables) await pool.query(`ANALYZE ${fresh(table.name)}`);

  await withTransaction(pool, async (db) => {
    // Holding the checkpoint row stops the live runner (it skips a locked row) until the swap commits.
    await db.query('SELECT position FROM projection_checkpoints WHERE name = $1 FOR UPDATE', [
      projection.name,
    ]);
    while (await replayBatch(db));
    for (const table of projection.tables) {
      const live = assertTableName(table.name);
      await db.query(`ALTER TABLE IF EXISTS ${live} RENAME TO ${assertTableName(`${live}${RETIRED}`)}`);
      await db.query(`ALTER TABLE ${fresh(table.name)} RENAME TO ${live}`);
      await db.query(`DROP TABLE IF EXISTS ${assertTableName(`${live}${RETIRED}`)}`);
    }
    // Every parked event was replayed above: only those that failed again stay parked.
    await clearDeadLetters(db, projection.name);
    const park = parkInto(db, projection.name);
    for (const { event, error } of parked) await park(event, error);
    await saveCheckpoint(db, [projection.name], at);
  });
  progress(
    `${projection.name}: swapped in, ${read} events, checkpoint ${at.position}` +
      (parked.length > 0 ? `, ${parked.length} still parked` : ''),
  );
  return { events: read };
}
