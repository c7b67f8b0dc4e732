import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HealthView } from '@coachflow/contracts';
import { cycleStreamId } from '@coachflow/domain';
import { ensureDatabase, runMigrations } from '@coachflow/database';
import {
  freePort,
  type ManagedProcess,
  type RunningEmbeddedPostgres,
  type RunningTemporalDevServer,
  startEmbeddedPostgres,
  startTemporalDevServer,
} from '@coachflow/dev-stack';
import { EVENTS_CHANNEL } from '@coachflow/event-store';
import { LIVE_UPDATES_CHANNEL, OUTBOX_CHANNEL } from '@coachflow/read-models';
import {
  ApiClient,
  appProcessEnv,
  createOrganisationFixture,
  createPlaybookFixture,
  eventually,
  openTask,
  type OrganisationFixture,
  OutputLog,
  type RunningApi,
  startApiProcess,
  startBuiltEntry,
  addRep,
  startCycle,
} from '@coachflow/testing';
import { COACHING_SEARCH_ATTRIBUTES } from '@coachflow/workflows';
import { Pool } from 'pg';
import { chaosScale, walkToPlan } from './chaos/chaos-cycles';
import { CompletionLedger, verifyCycleStreams } from './chaos/stream-verifier';

const SCALE = chaosScale();
/** /health fails a projection that leaves an event unapplied this long (60 s in production). */
const STALL_SECONDS = 2;
/** How long the held transaction stays open: CHAOS_HOLD_SECONDS=60 holds the full minute. */
const HOLD_SECONDS = Number(process.env['CHAOS_HOLD_SECONDS'] ?? 3 * SCALE);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Faults in what Coachflow stands on, on a Temporal dev server and a Postgres of this file's own (the
 * suite's are shared with other files): the dev server killed mid-load and started again on the same
 * database file; Postgres stopped and started again; a transaction held open. API and worker must carry on by themselves, /health must say what
 * is down or behind, and the verifier must find nothing lost, twice or out of order.
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
    postgres = await startPostgres();
    const databaseUrl = new URL(postgres.serverUrl);
    databaseUrl.pathname = '/coachflow_chaos';
    await ensureDatabase(databaseUrl.toString());
    await runMigrations(databaseUrl.toString());
    // Picked just before it is bound: a port picked before the migrations can meanwhile become another
    // connection's ephemeral source port.
    temporalPort = await freePort();
    temporal = await startTemporal();
    env = appProcessEnv({
      DATABASE_URL: databaseUrl.toString(),
      TEMPORAL_ADDRESS: temporal.address,
      LOG_LEVEL: 'warn',
      PROJECTION_STALL_SECONDS: String(STALL_SECONDS),
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
      const cycleId = (await startCycle(org.manager.api, rep.user.id, playbookId)).id;
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
    // The API's Temporal connection comes back by itself, within its reconnect's time (CI once read "down"
    // just after the walkers finished).
    await eventually(async () => expect((await health()).body.checks.temporal).toBe('up'), 15_000, 200);
  });

  it('carries on when Postgres is stopped under load and started again: /health says so, then ok', async () => {
    let whileDown: { status: number; body: HealthView } | undefined;
    await underLoad('postgres', async () => {
      await sleep(1500);
      await postgres.process.stop();
      whileDown = await eventually(
        async () => {
          const response = await health();
          expect(response.status).toBe(503);
          return response;
        },
        15_000,
        200,
      );
      await sleep(2000);
      postgres = await startPostgres();
    });
    expect(whileDown?.body.checks.database).toBe('down');
    expect(whileDown?.body.problems).toContain('the database does not answer');
    // Neither process ended: each reconnected by itself (the walks above needed the worker's projections).
    expect({ api: api.process.running, worker: worker.running }).toEqual({ api: true, worker: true });
    await eventually(
      async () => {
        const response = await health();
        expect(response.body.checks).toMatchObject({ database: 'up', projections: 'up' });
        expect(response.status).toBe(200);
      },
      30_000,
      200,
    );
    // Every LISTEN is back (projections woken by appends, live updates reaching their streams, the outbox
    // sender woken by new deliveries), not just the polling that covers for them meanwhile.
    await eventually(
      async () => {
        const { rows } = await pool.query<{ query: string }>(
          `SELECT query FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'`,
        );
        expect(rows.map((row) => row.query).sort()).toEqual([
          `LISTEN ${EVENTS_CHANNEL}`,
          `LISTEN ${LIVE_UPDATES_CHANNEL}`,
          `LISTEN ${OUTBOX_CHANNEL}`,
        ]);
      },
      15_000,
      200,
    );
  });

  it('sends a staffing change committed while Temporal was down, after the API that made it was killed', async () => {
    const rep = await addRep(org, 'staffing', api.baseUrl);
    const cycleId = (await startCycle(org.manager.api, rep.user.id, playbookId)).id;
    cycleIds.push(cycleId);
    await openTask(rep.api, cycleId, 'self-assessment');
    const doomed = await startApiProcess(env);
    await temporal.process.stop(0, 'SIGKILL');
    const moved = await new ApiClient(doomed.baseUrl, org.admin.api.token).request(
      'PATCH',
      `/api/users/${rep.user.id}`,
      { managerId: org.otherManager.user.id },
    );
    // Committed: the change, its audit fact and the Update still to send, in one transaction.
    expect(moved.status).toBe(200);
    await doomed.process.stop(0, 'SIGKILL');
    const count = async (sql: string, values: unknown[]) =>
      Number((await pool.query<{ count: string }>(sql, values)).rows[0]?.count);
    expect(
      await count(
        `SELECT count(*) FROM events WHERE stream_id = $1 AND event_type = 'ReportingLineChanged'
            AND data->>'userId' = $2`,
        [`audit-${org.organisationId}`, rep.user.id],
      ),
    ).toBe(1);
    expect(
      await count(`SELECT count(*) FROM staffing_dispatches WHERE payload->>'repId' = $1`, [rep.user.id]),
    ).toBe(1);

    temporal = await startTemporal();
    // The surviving API's sweep sends it: the cycle records its new manager, once, and the row goes.
    await eventually(
      async () => {
        const { rows } = await pool.query<{ manager: string }>(
          `SELECT data->>'toId' AS manager FROM events WHERE stream_id = $1 AND event_type = 'CycleManagerChanged'`,
          [cycleStreamId(cycleId)],
        );
        expect(rows.map((row) => row.manager)).toEqual([org.otherManager.user.id]);
        expect(
          await count(`SELECT count(*) FROM staffing_dispatches WHERE payload->>'repId' = $1`, [rep.user.id]),
        ).toBe(0);
      },
      60_000,
      250,
    );
  });

  it('shows projection lag on /health while a transaction is held open, 503 past the stall limit, and recovers', async () => {
    const holder = await pool.connect();
    let stalled: { status: number; body: HealthView } | undefined;
    try {
      await holder.query('BEGIN');
      // An id of its own: projections read no event of a transaction that began after it until it ends.
      await holder.query('SELECT pg_current_xact_id()');
      const started = Date.now();
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
      stalled = await eventually(
        async () => {
          const response = await health();
          expect(response.status).toBe(503);
          return response;
        },
        30_000,
        200,
      );
      await sleep(Math.max(0, HOLD_SECONDS * 1000 - (Date.now() - started)));
      await holder.query('COMMIT');
      await lagging;
    } finally {
      holder.release();
    }
    expect(stalled?.body.checks.projections).toBe('down');
    expect(stalled?.body.problems?.join('\n')).toMatch(/projection tasks is (stuck|falling behind)/);
    await eventually(
      async () => {
        const response = await health();
        expect(response.body.projections?.['tasks']?.behind).toBe(0);
        expect(response.status).toBe(200);
      },
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
