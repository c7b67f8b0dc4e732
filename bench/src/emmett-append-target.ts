import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { Pool } from 'pg';
import type { AppendTarget } from './append-target';

/**
 * Baseline: Emmett's PostgreSQL event store on a pool like ours. Note that Emmett (through dumbo) sets
 * process-wide `pg` type parsers on first use (int8 as BigInt, its own JSON parser), which then apply to
 * every side; the other sides read back only a couple of numbers per append, so the cost is noise.
 */
export async function emmettAppendTarget(databaseUrl: string, poolSize: number): Promise<AppendTarget> {
  const pool = new Pool({ connectionString: databaseUrl, max: poolSize });
  const store = getPostgreSQLEventStore(databaseUrl, { connectionOptions: { pool } });
  // Emmett creates its schema on first use: do it now so no measured append pays for it.
  await store.schema.migrate();
  return {
    streamWriter(streamId) {
      let expectedStreamVersion = 0n;
      return async (events) => {
        const result = await store.appendToStream(
          streamId,
          // Emmett takes the event id from metadata.messageId (a fresh UUID otherwise): store the same ids.
          events.map((event) => ({
            type: event.type,
            data: event.data,
            metadata: { ...event.metadata, messageId: event.id },
          })),
          { expectedStreamVersion },
        );
        expectedStreamVersion = result.nextExpectedStreamVersion;
      };
    },
    async close() {
      // Emmett leaves a pool it was given open.
      await store.close();
      await pool.end();
    },
  };
}
