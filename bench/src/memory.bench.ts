import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cycleStreamId } from '@coachflow/domain';
import { createOrganisationFixture, createPlaybookFixture } from '@coachflow/testing';
import { Client, Connection } from '@temporalio/client';
import { Pool } from 'pg';
import { type BenchRun, benchEnvironment } from './bench-run';
import { withBenchDatabase } from './bench-database';
import { envCount } from './bench-scale';
import { type CycleStack, startCycleStack } from './cycle-stack';
import { createPeople, inBatches, sleep, startCycles } from './simulated-people';

export interface MemoryBenchmarkOptions {
  env: NodeJS.ProcessEnv;
  scale: number;
  say: (line: string) => void;
}

/** A fresh worker's resident memory before and after `count` workflows came to wait in its cache. */
export interface WorkerMemory {
  count: number;
  idleRssMiB: number;
  loadedRssMiB: number;
  /** (loaded − idle) per 1,000 workflows. */
  perThousandMiB: number;
}

export interface MemoryBenchmarkResult extends BenchRun {
  /** The worker's sticky cache size for the run: every workflow stays cached (the most memory). */
  workflowCacheSize: number;
  cycles: WorkerMemory;
  bare: WorkerMemory;
}

/** How long memory is left to settle (GC, allocator) before it is read. */
const SETTLE_MS = 5000;

/**
 * `npm run bench -- memory`: a worker's resident memory per 1,000 open cycles waiting on their timers, against
 * 1,000 bare workflows waiting on a condition, MEMORY_CYCLES of each (5,000 × BENCH_SCALE), each measured on a
 * fresh worker whose sticky cache holds every one of them.
 */
export async function memoryBenchmark({
  env,
  scale,
  say,
}: MemoryBenchmarkOptions): Promise<MemoryBenchmarkResult> {
  const startedAt = new Date().toISOString();
  const count = envCount(env, 'MEMORY_CYCLES', Math.max(200, Math.round(5000 * scale)));
  const workflowCacheSize = count + 100;
  return withBenchDatabase(env, say, async (database) => {
    const stack = await startCycleStack(database.url, say, {
      WORKFLOW_CACHE_SIZE: String(workflowCacheSize),
    });
    const pool = new Pool({ connectionString: database.url, max: 4 });
    const connection = await Connection.connect({ address: stack.temporalAddress });
    const temporal = new Client({ connection });
    try {
      const org = await createOrganisationFixture(stack.baseUrl);
      const playbookId = await createPlaybookFixture(org.admin.api, {
        timings: { prioritiseDue: 'P7D', sessionDue: 'P7D', planLength: 'P30D' },
      });
      const people = await createPeople(pool, org, count, stack.baseUrls, false);

      say(
        `fresh worker; ${count} cycles started over HTTP, each waiting for its self-assessment and deadline`,
      );
      const cycles = await measure(stack, say, async () => {
        const started = await startCycles(people.pairs, playbookId, stack.baseUrls);
        await allRecorded(
          pool,
          started.map((cycle) => cycle.cycleId),
        );
      });

      say(`fresh worker; ${count} bare workflows, each waiting on a condition`);
      const bare = await measure(stack, say, async () => {
        const handles = await inBatches(Array.from({ length: count }), 16, () =>
          temporal.workflow.start('benchFieldHolder', {
            taskQueue: stack.taskQueue,
            workflowId: `memory-${randomUUID()}`,
          }),
        );
        // A query is answered once the workflow's first task ran: then it waits in the cache.
        await inBatches(handles, 32, (handle) => handle.query<number>('benchField'));
      });
      return {
        startedAt,
        scale,
        ...benchEnvironment(database),
        workflowCacheSize,
        cycles: {
          ...cycles,
          count,
          perThousandMiB: ((cycles.loadedRssMiB - cycles.idleRssMiB) * 1000) / count,
        },
        bare: { ...bare, count, perThousandMiB: ((bare.loadedRssMiB - bare.idleRssMiB) * 1000) / count },
      };
    } finally {
      await connection.close();
      await pool.end();
      await stack.stop();
    }
  });
}

/** A fresh worker's RSS when idle, then after `load` brought its workflows into its cache. */
async function measure(
  stack: CycleStack,
  say: (line: string) => void,
  load: () => Promise<void>,
): Promise<{ idleRssMiB: number; loadedRssMiB: number }> {
  await stack.restartWorker();
  await sleep(SETTLE_MS);
  const idleRssMiB = rssMiB(stack.workerPid());
  await load();
  await sleep(SETTLE_MS);
  const loadedRssMiB = rssMiB(stack.workerPid());
  say(`worker RSS ${idleRssMiB.toFixed(0)} MiB idle, ${loadedRssMiB.toFixed(0)} MiB loaded`);
  return { idleRssMiB, loadedRssMiB };
}

/** Resident memory of a process, from /proc (Linux). */
function rssMiB(pid: number | undefined): number {
  if (pid === undefined) throw new Error('the worker is not running');
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  if (!kib) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kib) / 1024;
}

/** Waits until every cycle's first task is open (its workflow ran its first task and waits). */
async function allRecorded(pool: Pool, cycleIds: string[]): Promise<void> {
  const deadline = Date.now() + 600_000;
  for (;;) {
    const { rows } = await pool.query<{ count: string }>(
      `SELECT count(DISTINCT stream_id) FROM events WHERE stream_id = ANY($1::text[]) AND event_type = 'TaskOpened'`,
      [cycleIds.map(cycleStreamId)],
    );
    if (Number(rows[0]?.count) >= cycleIds.length) return;
    if (Date.now() > deadline)
      throw new Error(`only ${rows[0]?.count} of ${cycleIds.length} cycles opened a task`);
    await sleep(200);
  }
}
