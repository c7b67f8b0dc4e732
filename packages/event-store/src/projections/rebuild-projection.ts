import type { Pool, PoolClient } from 'pg';
import { type PostgresEventStore, STORE_START } from '../postgres/postgres-event-store';
import { assertTableName, type ProjectionDefinition, relevantEvents } from './projection';
import { saveCheckpoint, withTransaction } from './projection-runner';

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
 * Readers see the old tables until the swap commits and the new ones after; nothing is ever half-built.
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
  // Applies the next batch into the fresh tables; false once there is none.
  const replayBatch = async (db: PoolClient): Promise<boolean> => {
    const { events, last } = await store.readSince(db, at, batchSize);
    if (!last) return false;
    const relevant = relevantEvents(projection, events);
    if (relevant.length > 0) await projection.apply(relevant, { db, table: fresh });
    at = last;
    read += events.length;
    return true;
  };
  while (await withTransaction(pool, replayBatch))
    progress(`${projection.name}: replayed ${read} events (position ${at.position})`);

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
    await saveCheckpoint(db, projection.name, at);
  });
  progress(`${projection.name}: swapped in, ${read} events, checkpoint ${at.position}`);
  return { events: read };
}
