import { performance } from 'node:perf_hooks';
import { cycleStreamId, type DomainEvent } from '@coachflow/domain';
import { PostgresEventStore, ProjectionDaemon } from '@coachflow/event-store';
import { PROJECTIONS } from '@coachflow/read-models';
import { Pool, type PoolClient } from 'pg';
import { withBenchDatabase } from './bench-database';

/** Statements the worker's projections send to Postgres for the completions of a load run, replayed. */
export interface ProjectionStatements {
  completions: number;
  /** Every statement the projection daemon sent (its pool's queries, BEGIN and COMMIT included). */
  statements: number;
  /** Transactions among them (BEGIN). */
  transactions: number;
  perCompletion: { statements: number; transactions: number };
  /** The daemon's JavaScript time on this process, per completion (ms). */
  daemonCpuMsPerCompletion: number;
}

interface Append {
  streamId: string;
  events: DomainEvent[];
  completions: number;
}

/**
 * A bench-only probe: replays the appends of `cycles` of a load run (in the source database `sourceUrl`),
 * one at a time as the workflow made them, into a fresh database on the same server whose projections run
 * in this process on a pool that counts every statement. Each append is waited for until every projection
 * has applied it, so every append is a batch of its own (the steady state at a rate the machine holds, the
 * most statements per completion). The appends that start the cycles are replayed uncounted.
 */
export async function projectionStatementsPerCompletion(
  sourceUrl: string,
  cycleIds: readonly string[],
  say: (line: string) => void,
): Promise<ProjectionStatements> {
  const appends = await appendsOf(sourceUrl, cycleIds);
  const serverUrl = new URL(sourceUrl);
  serverUrl.pathname = '/postgres';
  return withBenchDatabase({ DATABASE_URL: serverUrl.toString() }, say, async (database) => {
    const counted = { statements: 0, transactions: 0 };
    const daemonPool = countingPool(database.url, counted);
    const pool = new Pool({ connectionString: database.url, max: 2 });
    const store = new PostgresEventStore(pool);
    const daemon = new ProjectionDaemon(daemonPool, new PostgresEventStore(daemonPool, { notify: false }), [
      ...PROJECTIONS,
    ]);
    await daemon.start();
    try {
      const firstCompletion = appends.findIndex((append) => append.completions > 0);
      const starts = appends.slice(0, Math.max(0, firstCompletion));
      const walks = appends.slice(starts.length);
      for (const append of starts) await replay(pool, store, append);
      counted.statements = 0;
      counted.transactions = 0;
      const cpuBefore = process.cpuUsage();
      const began = performance.now();
      for (const append of walks) await replay(pool, store, append);
      const cpu = process.cpuUsage(cpuBefore);
      const completions = walks.reduce((sum, append) => sum + append.completions, 0);
      say(
        `replayed ${walks.length} appends (${completions} completions) in ${Math.round(performance.now() - began)} ms`,
      );
      return {
        completions,
        statements: counted.statements,
        transactions: counted.transactions,
        perCompletion: {
          statements: counted.statements / completions,
          transactions: counted.transactions / completions,
        },
        // The replay's own appends and waits share the process: an upper bound of the daemon's share.
        daemonCpuMsPerCompletion: (cpu.user + cpu.system) / 1000 / completions,
      };
    } finally {
      await daemon.stop();
      await store.close();
      await pool.end();
      await daemonPool.end();
    }
  });
}

/** The cycles' appends in the order they committed, one per transaction and stream. */
async function appendsOf(sourceUrl: string, cycleIds: readonly string[]): Promise<Append[]> {
  const source = new Pool({ connectionString: sourceUrl, max: 1 });
  try {
    const { rows } = await source.query<{
      transaction_id: string;
      stream_id: string;
      event_id: string;
      event_type: string;
      data: Record<string, unknown>;
      metadata: Record<string, unknown>;
    }>(
      `SELECT transaction_id::text, stream_id, event_id, event_type, data, metadata FROM events
        WHERE stream_id = ANY($1::text[]) ORDER BY transaction_id, global_position`,
      [cycleIds.map(cycleStreamId)],
    );
    const appends: Append[] = [];
    let key = '';
    for (const row of rows) {
      const rowKey = `${row.transaction_id} ${row.stream_id}`;
      if (rowKey !== key) appends.push({ streamId: row.stream_id, events: [], completions: 0 });
      key = rowKey;
      const append = appends.at(-1)!;
      append.events.push({ id: row.event_id, type: row.event_type, data: row.data, metadata: row.metadata });
      if (row.event_type === 'TaskCompleted') append.completions += 1;
    }
    return appends;
  } finally {
    await source.end();
  }
}

/** Appends one batch (its NOTIFY wakes the daemon) and waits until every projection has applied it. */
async function replay(pool: Pool, store: PostgresEventStore, append: Append): Promise<void> {
  const { lastPosition } = await store.appendToStream(append.streamId, append.events);
  for (;;) {
    const { rows } = await pool.query<{ behind: string }>(
      'SELECT count(*) AS behind FROM projection_checkpoints WHERE position < $1',
      [lastPosition],
    );
    if (Number(rows[0]?.behind) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** A pool whose clients count the statements they send. */
function countingPool(url: string, counted: { statements: number; transactions: number }): Pool {
  const pool = new Pool({ connectionString: url, max: 10 });
  const count = (text: unknown) => {
    counted.statements += 1;
    const sql = typeof text === 'string' ? text : (text as { text?: string } | null)?.text;
    if (sql?.trim().toUpperCase() === 'BEGIN') counted.transactions += 1;
  };
  const wrap = (client: PoolClient) => {
    const marked = client as PoolClient & { counting?: boolean };
    if (marked.counting) return;
    marked.counting = true;
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      count(args[0]);
      return query(...args);
    };
  };
  // pool.query checks a client out and calls its query: counted there too.
  pool.on('connect', wrap);
  return pool;
}
