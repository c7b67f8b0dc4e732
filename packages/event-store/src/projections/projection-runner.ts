import type { Pool, PoolClient } from 'pg';
import type { PostgresEventStore, StorePosition } from '../postgres/postgres-event-store';
import { assertTableName, type ProjectionDefinition } from './projection';
import { runProjectionBatch } from './projection-batch';

export interface ProjectionRunnerOptions {
  batchSize?: number;
}

/** Events a batch reads at most, unless told otherwise. */
export const DEFAULT_BATCH_SIZE = 500;

/**
 * Moves one projection forward a batch at a time (`runProjectionBatch` with this projection alone). Each
 * batch reads events after the checkpoint, applies them and stores the new checkpoint in one transaction:
 * a crash anywhere rolls back both, so every event is applied exactly once. The checkpoint row is locked
 * with SKIP LOCKED, so among several processes one runs a projection at a time and the others move on. An
 * event the projection cannot apply is parked in its dead letters (`applyOrPark`) and the checkpoint moves
 * past it.
 */
export class ProjectionRunner {
  private readonly batchSize: number;

  constructor(
    private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    readonly projection: ProjectionDefinition,
    options: ProjectionRunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  }

  /** Creates the projection's tables and checkpoint when they do not exist yet. */
  setUp(): Promise<void> {
    return setUpProjection(this.pool, this.projection);
  }

  /**
   * Applies the next batch; returns how many events it read (0: caught up, or another process has it).
   * A transient failure rolls the batch back and is thrown.
   */
  async runBatch(): Promise<number> {
    const { read, alone } = await runProjectionBatch(this.pool, this.store, [this.projection], {
      batchSize: this.batchSize,
      budgetMs: 0,
    });
    for (const left of alone) if (left.reason === 'failed') throw left.error;
    return read;
  }

  /**
   * Runs batches until caught up; returns how many events it read. A batch shorter than the batch size read
   * everything the fence let through, so no further (empty) batch is needed to know it.
   */
  async catchUp(): Promise<number> {
    let total = 0;
    for (;;) {
      const read = await this.runBatch();
      total += read;
      if (read < this.batchSize) return total;
    }
  }

  /** Where the projection stands (STORE_START's values before its first batch). */
  async checkpoint(): Promise<StorePosition> {
    const { rows } = await this.pool.query<{ position: string; transaction_id: string }>(
      'SELECT position, transaction_id::text AS transaction_id FROM projection_checkpoints WHERE name = $1',
      [this.projection.name],
    );
    const row = rows[0];
    return { transactionId: row?.transaction_id ?? '0', position: Number(row?.position ?? 0) };
  }
}

/** Creates a projection's tables and checkpoint when they do not exist yet. */
export async function setUpProjection(pool: Pool, projection: ProjectionDefinition): Promise<void> {
  await withTransaction(pool, async (db) => {
    // Serialises concurrent set-ups of the same projection (two workers starting at once).
    await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`projection:${projection.name}`]);
    for (const table of projection.tables) {
      const name = assertTableName(table.name);
      const exists = await db.query<{ found: string | null }>('SELECT to_regclass($1) AS found', [name]);
      if (!exists.rows[0]?.found) for (const statement of table.create(name)) await db.query(statement);
    }
    await db.query('INSERT INTO projection_checkpoints (name) VALUES ($1) ON CONFLICT DO NOTHING', [
      projection.name,
    ]);
  });
}

/** Runs `work` in a transaction on a pooled connection: commit on success, roll back on any error. */
export async function withTransaction<T>(pool: Pool, work: (db: PoolClient) => Promise<T>): Promise<T> {
  const db = await pool.connect();
  try {
    await db.query('BEGIN');
    const result = await work(db);
    await db.query('COMMIT');
    return result;
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    db.release();
  }
}
