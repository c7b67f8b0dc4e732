import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HealthView } from '@coachflow/contracts';
import { ensureDatabase, runMigrations } from '@coachflow/database';
import {
  freePort,
  type ManagedProcess,
  type RunningEmbeddedPostgres,
  type RunningTemporalDevServer,
  startEmbeddedPostgres,
  startTemporalDevServer,
} from '@coachflow/dev-stack';
import {
  ApiClient,
  appProcessEnv,
  createOrganisationFixture,
  createPlaybookFixture,
  eventually,
  type OrganisationFixture,
  OutputLog,
  type RunningApi,
  startApiProcess,
  startBuiltEntry,
  addRep,
} from '@coachflow/testing';
import { COACHING_SEARCH_ATTRIBUTES } from '@coachflow/workflows';
import { Pool } from 'pg';
import { chaosScale, startCycle, walkToPlan } from './chaos/chaos-cycles';
import { CompletionLedger, verifyCycleStreams } from './chaos/stream-verifier';

const SCALE = chaosScale();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Faults in what Coachflow stands on, on a Temporal dev server and a Postgres of this file's own (the
 * suite's are shared with other files): the dev server killed mid-load and started again on the same
 * database file; a transaction held open. API and worker must carry on by themselves, /health must say what
 * is down or behind, and the verifier must find nothing lost, twice or out of order. (Postgres stopped and
 * started again under load is not in here yet: see docs/chaos.md.)
 */
describe('chaos: Temporal and Postgres go away under load', () => {
  const dir = join(tmpdir(), `coachflow-chaos-${process.pid}`);
  const walkersPerFault = Math.max(3, Math.round(4 * SCALE));
  const ledger = new CompletionLedger();
  const cycleIds: string[] = [];
  const workerLog = new OutputLog();
  let postgres: RunningEmbeddedPostgres;
  let postgresPort: number;
  let temporal: RunningTemporalDevServer;
  let temporalPort: number;
  let env: NodeJS.ProcessEnv;
  let worker: ManagedProcess;
  let api: RunningApi;
  let pool: Pool;
  let org: OrganisationFixture;
  let playbookId: string;

  const startPostgres = () =>
    startEmbeddedPostgres({
      dataDir: join(dir, 'pg'),
      port: postgresPort,
      output: () => undefined,
    });
  const startTemporal = async () =>
    startTemporalDevServer({
      cliPath: process.env['TEMPORAL_CLI'] ?? 'temporal',
      port: temporalPort,
      uiPort: await freePort(),
      dbFile: join(dir, 'temporal.db'),
      searchAttributes: COACHING_SEARCH_ATTRIBUTES,
      output: () => undefined,
    });

  beforeAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    postgresPort = await freePort();
    temporalPort = await freePort();
    postgres = await startPostgres();
    const databaseUrl = new URL(postgres.serverUrl);
    databaseUrl.pathname = '/coachflow_chaos';
    await ensureDatabase(databaseUrl.toString());
    await runMigrations(databaseUrl.toString());
    temporal = await startTemporal();
    env = appProcessEnv({
      DATABASE_URL: databaseUrl.toString(),
      TEMPORAL_ADDRESS: temporal.address,
      LOG_LEVEL: 'warn',
    });
    pool = new Pool({ connectionString: databaseUrl.toString(), max: 2 });
    // A stopped server ends idle connections; the pool makes new ones when asked.
    pool.on('error', () => undefined);
    worker = startBuiltEntry('worker', 'apps/worker/dist/main.js', env, workerLog);
    api = await startApiProcess(env);
    org = await createOrganisationFixture(api.baseUrl);
    playbookId = await createPlaybookFixture(org.admin.api, {
      timings: { prioritiseDue: 'P7D', sessionDue: 'P7D', planLength: 'P30D' },
    });
  });

  afterAll(async () => {
    await api?.process.stop();
    await worker?.stop();
    await pool?.end();
    await temporal?.process.stop();
    await postgres?.process.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Walks `walkersPerFault` new cycles to their plans while `fault` runs; resolves when both are done. */
  const underLoad = async (name: string, fault: () => Promise<void>) => {
    const walkers = [];
    for (let index = 0; index < walkersPerFault; index++) {
      const rep = await addRep(org, `${name}-${index}`, api.baseUrl);
      const cycleId = await startCycle(org, rep, playbookId);
      cycleIds.push(cycleId);
      walkers.push(walkToPlan(org, rep, cycleId, ledger));
    }
    await Promise.all([...walkers, fault()]);
  };

  const health = async () => new ApiClient(api.baseUrl).get<HealthView>('/health');

  it('carries on when the Temporal dev server is killed mid-cycle and started again on the same file', async () => {
    await underLoad('temporal', async () => {
      await sleep(1500);
      await temporal.process.stop(0, 'SIGKILL');
      await eventually(async () => expect((await health()).body.checks.temporal).toBe('down'), 15_000, 200);
      await sleep(2000);
      temporal = await startTemporal();
    });
    expect((await health()).body.checks.temporal).toBe('up');
  });

  it('shows projection lag on /health while a transaction is held open, and catches up after', async () => {
    const holder = await pool.connect();
    try {
      await holder.query('BEGIN');
      // An id of its own: projections read no event of a transaction that began after it until it ends.
      await holder.query('SELECT pg_current_xact_id()');
      const lagging = underLoad('held', () => Promise.resolve());
      const lag = await eventually(
        async () => {
          const tasks = (await health()).body.projections?.['tasks'];
          expect(tasks?.behind).toBeGreaterThan(0);
          return tasks;
        },
        30_000,
        200,
      );
      expect(lag?.behind).toBeGreaterThan(0);
      await sleep(Math.round(3000 * SCALE));
      await holder.query('COMMIT');
      await lagging;
    } finally {
      holder.release();
    }
    await eventually(
      async () => expect((await health()).body.projections?.['tasks']?.behind).toBe(0),
      30_000,
      200,
    );
  });

  it('lost nothing, stored nothing twice, left no gap, and the inbox agrees with every stream', async () => {
    const verdict = await eventually(async () => {
      const current = await verifyCycleStreams(pool, cycleIds, ledger);
      expect(current.inboxMismatches).toEqual([]);
      return current;
    }, 60_000);
    expect(verdict.streams).toBe(cycleIds.length);
    expect({
      lost: verdict.lost,
      duplicated: verdict.duplicated,
      gaps: verdict.gaps,
    }).toEqual({ lost: [], duplicated: [], gaps: [] });
    process.stdout.write(
      `[chaos] infrastructure: ${verdict.streams} cycles, ${verdict.events} events, ` +
        `${ledger.acknowledged().length} completions acknowledged; lost ${verdict.lost.length}, ` +
        `duplicated ${verdict.duplicated.length}, gaps ${verdict.gaps.length}\n`,
    );
  });
});
