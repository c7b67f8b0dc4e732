import { Pool } from 'pg';
import type { AppendTarget } from './append-target';

// The floor any store pays: the same rows, one statement, no locks or checks beyond the two keys.
const CREATE_TABLE = `
  CREATE TABLE IF NOT EXISTS bench_raw_events (
    id bigserial PRIMARY KEY,
    stream_id text NOT NULL,
    stream_version bigint NOT NULL,
    event_id text NOT NULL,
    event_type text NOT NULL,
    data jsonb NOT NULL,
    metadata jsonb NOT NULL,
    UNIQUE (stream_id, stream_version)
  )`;
const COLUMNS_PER_ROW = 6;

/** Baseline: one multi-row INSERT per append into a plain table, through `pg` directly. */
export async function rawPgAppendTarget(databaseUrl: string, poolSize: number): Promise<AppendTarget> {
  const pool = new Pool({ connectionString: databaseUrl, max: poolSize });
  await pool.query(CREATE_TABLE);
  return {
    streamWriter(streamId) {
      let version = 0;
      return async (events) => {
        const values: unknown[] = [];
        const rows = events.map((event, i) => {
          values.push(
            streamId,
            version + i + 1,
            event.id,
            event.type,
            JSON.stringify(event.data),
            JSON.stringify(event.metadata),
          );
          const first = i * COLUMNS_PER_ROW;
          return `(${Array.from({ length: COLUMNS_PER_ROW }, (_, c) => `$${first + c + 1}`).join(', ')})`;
        });
        // Prepared per batch size, as our store's append is: the floor should not pay for planning either.
        await pool.query({
          name: `bench_raw_insert_${events.length}`,
          text: `INSERT INTO bench_raw_events (stream_id, stream_version, event_id, event_type, data, metadata)
           VALUES ${rows.join(', ')}`,
          values,
        });
        version += events.length;
      };
    },
    close: () => pool.end(),
  };
}
