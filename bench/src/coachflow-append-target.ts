import { type ExpectedVersion, PostgresEventStore } from '@coachflow/event-store';
import { Pool } from 'pg';
import type { AppendTarget } from './append-target';

/** Ours: PostgresEventStore as production builds it, notifications on (the default). */
export async function coachflowAppendTarget(databaseUrl: string, poolSize: number): Promise<AppendTarget> {
  const pool = new Pool({ connectionString: databaseUrl, max: poolSize });
  const store = new PostgresEventStore(pool);
  return {
    streamWriter(streamId) {
      let expectedVersion: ExpectedVersion = 'no-stream';
      return async (events) => {
        const result = await store.appendToStream(streamId, events, { expectedVersion });
        expectedVersion = result.nextExpectedVersion;
      };
    },
    async close() {
      await store.close();
      await pool.end();
    },
  };
}
