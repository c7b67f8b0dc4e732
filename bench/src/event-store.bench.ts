import { PostgresEventStore } from '@coachflow/event-store';
import { Pool } from 'pg';
import { type BenchRun, benchEnvironment } from './bench-run';
import { type AppendScenarioResult, appendBenchmark } from './append.bench';
import { withBenchDatabase } from './bench-database';
import { projectionBenchmark, type ProjectionBenchmarkResult } from './projection.bench';

export interface EventStoreBenchmarkOptions {
  env: NodeJS.ProcessEnv;
  scale: number;
  say: (line: string) => void;
}

export interface EventStoreBenchmarkResult extends BenchRun {
  /** Our store ran with projection notifications on, as production does. */
  coachflowNotify: true;
  append: AppendScenarioResult[];
  projection: ProjectionBenchmarkResult;
}

/**
 * The event store benchmark: each part runs on the same fresh database in turn and adds its results
 * (appends, then projection catch-up and lag).
 */
export async function eventStoreBenchmark({
  env,
  scale,
  say,
}: EventStoreBenchmarkOptions): Promise<EventStoreBenchmarkResult> {
  const startedAt = new Date().toISOString();
  return withBenchDatabase(env, say, async (database) => {
    const append = await appendBenchmark(database.url, { scale, say });
    const pool = new Pool({ connectionString: database.url, max: 20 });
    const store = new PostgresEventStore(pool);
    try {
      return {
        startedAt,
        scale,
        ...benchEnvironment(database),
        coachflowNotify: true,
        append,
        projection: await projectionBenchmark(pool, store, scale, say),
      };
    } finally {
      await store.close();
      await pool.end();
    }
  });
}
