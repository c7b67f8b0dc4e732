import { performance } from 'node:perf_hooks';
import type { DomainEvent } from '@coachflow/domain';
import {
  assertTableName,
  type PostgresEventStore,
  ProjectionDaemon,
  type ProjectionDefinition,
  ProjectionRunner,
} from '@coachflow/event-store';
import type { Pool } from 'pg';
import { formatTable } from './format-table';
import { percentile } from './percentile';
import { runWriters } from './run-writers';

export interface ProjectionBenchmarkResult {
  catchUp: { events: number; runnerEventsPerSec: number; bareEventsPerSec: number; ratio: number };
  lag: {
    maxAppendsPerSec: number;
    pacedAppendsPerSec: number;
    events: number;
    p50Ms: number;
    p99Ms: number;
    targetP99Ms: number;
  };
}

const BATCH = 1000;

// A read model of ordinary cost: one row per event, written with one multi-row INSERT per batch.
function eventLogProjection(name: string): ProjectionDefinition {
  const table = assertTableName(name);
  return {
    name,
    tables: [
      {
        name: table,
        create: (t) => [
          `CREATE TABLE ${t} (position bigint PRIMARY KEY, stream_id text NOT NULL, recorded_at timestamptz NOT NULL,
             applied_at timestamptz NOT NULL DEFAULT clock_timestamp())`,
        ],
      },
    ],
    async apply(events, { db, table: physical }) {
      await db.query(
        `INSERT INTO ${physical(table)} (position, stream_id, recorded_at)
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::timestamptz[])`,
        [events.map((e) => e.globalPosition), events.map((e) => e.streamId), events.map((e) => e.recordedAt)],
      );
    },
  };
}

const event = (id: string): DomainEvent => ({ id, type: 'BenchNoted', data: { id } });

async function seed(store: PostgresEventStore, total: number): Promise<void> {
  const writers = 16;
  const perAppend = 10;
  const appendsPerWriter = Math.ceil(total / writers / perAppend);
  const run = Date.now().toString(36);
  await runWriters(writers, appendsPerWriter, async (writer, index) => {
    const events = Array.from({ length: perAppend }, (_, k) => event(`${run}-${writer}-${index}-${k}`));
    await store.appendToStream(`bench-projection-${run}-${writer}`, events);
  });
}

/** The same reads and writes a runner does, without its transaction, fence or checkpoint: the floor. */
async function bareCatchUp(pool: Pool, table: string): Promise<number> {
  let after = 0;
  let total = 0;
  for (;;) {
    const { rows } = await pool.query<{ global_position: string; stream_id: string; recorded_at: Date }>(
      'SELECT global_position, stream_id, recorded_at FROM events WHERE global_position > $1 ORDER BY global_position LIMIT $2',
      [after, BATCH],
    );
    if (rows.length === 0) return total;
    await pool.query(
      `INSERT INTO ${table} (position, stream_id, recorded_at) SELECT * FROM unnest($1::bigint[], $2::text[], $3::timestamptz[])`,
      [rows.map((r) => r.global_position), rows.map((r) => r.stream_id), rows.map((r) => r.recorded_at)],
    );
    after = Number(rows.at(-1)!.global_position);
    total += rows.length;
  }
}

async function measureCatchUp(
  pool: Pool,
  store: PostgresEventStore,
  events: number,
  log: (line: string) => void,
) {
  log(`projection catch-up: seeding ${events} events`);
  await seed(store, events);

  const projection = eventLogProjection('bench_catch_up');
  const runner = new ProjectionRunner(pool, store, projection, { batchSize: BATCH });
  await runner.setUp();
  let started = performance.now();
  const applied = await runner.catchUp();
  const runnerEventsPerSec = applied / ((performance.now() - started) / 1000);

  const bareTable = assertTableName('bench_catch_up_bare');
  for (const statement of projection.tables[0]!.create(bareTable)) await pool.query(statement);
  started = performance.now();
  const bare = await bareCatchUp(pool, bareTable);
  const bareEventsPerSec = bare / ((performance.now() - started) / 1000);
  log(
    `projection catch-up: runner ${Math.round(runnerEventsPerSec)} events/s, bare ${Math.round(bareEventsPerSec)} events/s`,
  );
  return {
    events: applied,
    runnerEventsPerSec,
    bareEventsPerSec,
    ratio: runnerEventsPerSec / bareEventsPerSec,
  };
}

async function measureLag(
  pool: Pool,
  store: PostgresEventStore,
  seconds: number,
  log: (line: string) => void,
) {
  const run = Date.now().toString(36);
  // The maximum single-event append rate with 16 writers, measured here so "half" means this machine's half.
  const burst = await runWriters(16, 150, (writer, index) =>
    store
      .appendToStream(`bench-lag-max-${run}-${writer}`, [event(`${writer}-${index}`)])
      .then(() => undefined),
  );
  const maxAppendsPerSec = burst.latenciesMs.length / (burst.wallMs / 1000);
  const pacedAppendsPerSec = maxAppendsPerSec / 2;

  const projection = eventLogProjection('bench_lag');
  const daemon = new ProjectionDaemon(pool, store, [projection], { batchSize: BATCH });
  await daemon.start();
  try {
    const head = Number(
      (await pool.query<{ head: string }>('SELECT coalesce(max(global_position), 0) AS head FROM events'))
        .rows[0]!.head,
    );
    await waitForProjection(pool, store, projection);
    log(
      `projection lag: appending ${Math.round(pacedAppendsPerSec)} events/s (half of ${Math.round(maxAppendsPerSec)}) for ${seconds} s`,
    );

    const writers = 8;
    const interval = (1000 * writers) / pacedAppendsPerSec;
    const count = Math.floor((seconds * 1000) / interval);
    const start = performance.now();
    await Promise.all(
      Array.from({ length: writers }, async (_, writer) => {
        for (let i = 0; i < count; i++) {
          // Paced against the start time, so a slow append does not push every later one back.
          const due = start + (i + writer / writers) * interval;
          const wait = due - performance.now();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          await store.appendToStream(`bench-lag-${run}-${writer}`, [event(`${writer}-${i}`)]);
        }
      }),
    );
    await waitForProjection(pool, store, projection);
    const { rows } = await pool.query<{ ms: number }>(
      `SELECT extract(epoch FROM applied_at - recorded_at) * 1000 AS ms FROM bench_lag WHERE position > $1`,
      [head],
    );
    const lags = rows.map((row) => Number(row.ms));
    return {
      maxAppendsPerSec,
      pacedAppendsPerSec,
      events: lags.length,
      p50Ms: percentile(lags, 50),
      p99Ms: percentile(lags, 99),
      targetP99Ms: 1000,
    };
  } finally {
    await daemon.stop();
  }
}

/** Waits until the projection has applied every event stored so far. */
async function waitForProjection(pool: Pool, store: PostgresEventStore, projection: ProjectionDefinition) {
  const runner = new ProjectionRunner(pool, store, projection);
  while (await store.hasEventsAfter(await runner.checkpoint()))
    await new Promise((resolve) => setTimeout(resolve, 50));
}

/**
 * Projection catch-up over 100k events (× BENCH_SCALE) beside a bare read-and-insert loop, and projection
 * lag while events arrive at half the measured maximum append rate (target: p99 under 1 s).
 */
export async function projectionBenchmark(
  pool: Pool,
  store: PostgresEventStore,
  scale: number,
  log: (line: string) => void,
): Promise<ProjectionBenchmarkResult> {
  const catchUp = await measureCatchUp(pool, store, Math.round(100_000 * scale), log);
  const lag = await measureLag(pool, store, Math.max(3, Math.round(15 * scale)), log);
  return { catchUp, lag };
}

export function formatProjectionResult(result: ProjectionBenchmarkResult): string {
  const { catchUp, lag } = result;
  const fixed = (n: number, digits = 0) => n.toFixed(digits);
  return [
    formatTable(
      ['projection catch-up', 'events', 'runner ev/s', 'bare ev/s', 'runner/bare'],
      [
        [
          'batches of 1000',
          String(catchUp.events),
          fixed(catchUp.runnerEventsPerSec),
          fixed(catchUp.bareEventsPerSec),
          `${fixed(catchUp.ratio, 2)}x`,
        ],
      ],
    ),
    '',
    formatTable(
      ['projection lag', 'max ap/s', 'paced ap/s', 'events', 'p50 ms', 'p99 ms', 'target p99'],
      [
        [
          'NOTIFY + 1 s poll',
          fixed(lag.maxAppendsPerSec),
          fixed(lag.pacedAppendsPerSec),
          String(lag.events),
          fixed(lag.p50Ms, 1),
          fixed(lag.p99Ms, 1),
          `< ${lag.targetP99Ms} ms: ${lag.p99Ms < lag.targetP99Ms ? 'met' : 'MISSED'}`,
        ],
      ],
    ),
  ].join('\n');
}
