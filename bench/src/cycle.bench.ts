import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { CycleView, TaskKind, TaskList } from '@coachflow/contracts';
import { cycleStreamId } from '@coachflow/domain';
import {
  ApiClient,
  createOrganisationFixture,
  createPlaybookFixture,
  fixtureRatings,
  type FixtureUser,
  type OrganisationFixture,
} from '@coachflow/testing';
import { Client, Connection } from '@temporalio/client';
import { Pool } from 'pg';
import { withBenchDatabase } from './bench-database';
import { type CycleMeasurements, rate, summarizeLatencies } from './cycle-report';
import { type CycleStack, startCycleStack } from './cycle-stack';
import { runWriters } from './run-writers';

export interface CycleBenchmarkOptions {
  env: NodeJS.ProcessEnv;
  scale: number;
  say: (line: string) => void;
}

export interface CycleBenchmarkResult {
  startedAt: string;
  scale: number;
  machine: { cpus: number; node: string };
  postgres: { server: 'DATABASE_URL' | 'embedded'; version: string };
  /** How often the round trip polls the inbox: its resolution. */
  inboxPollMs: number;
  measurements: CycleMeasurements;
}

interface RoundTrips {
  /** Complete → next task visible. */
  total: number[];
  /** Complete → 200. */
  complete: number[];
}

const INBOX_POLL_MS = 5;
const CHECK_IN_GRACE_MS = 1000;
const COMMITMENT_DUE = 'PT2S';
const CONCURRENCY = 8;

/**
 * `npm run bench -- cycle`: the coaching cycle's costs beside Temporal's own floor, in one run on one
 * stack: the task round trip through HTTP against a bare Update, escalation timer lateness against a bare
 * sleep(), cycle starts per second against no-op workflows.
 */
export async function cycleBenchmark({
  env,
  scale,
  say,
}: CycleBenchmarkOptions): Promise<CycleBenchmarkResult> {
  const startedAt = new Date().toISOString();
  return withBenchDatabase(env, say, async (database) => {
    const stack = await startCycleStack(database.url, say);
    const pool = new Pool({ connectionString: database.url, max: 4 });
    const connection = await Connection.connect({ address: stack.temporalAddress });
    const client = new Client({ connection });
    try {
      const org = await createOrganisationFixture(stack.baseUrl);
      const playbookId = await createPlaybookFixture(org.admin.api, {
        timings: {
          prioritiseDue: 'PT1H',
          sessionDue: 'PT1H',
          planLength: 'PT1H',
          checkInGrace: `PT${CHECK_IN_GRACE_MS / 1000}S`,
          escalateAfter: 'PT1H',
        },
      });
      const starts = Math.max(10, Math.round(100 * scale));
      const walks = Math.max(3, Math.round(20 * scale));
      const updates = Math.max(20, Math.round(200 * scale));

      say(`starting ${starts} cycles over HTTP and ${starts} no-op workflows, ${CONCURRENCY} at a time`);
      const noopWorkflows = await noopRate(client, stack, starts);
      const cycleStarts = await cycleStartRate(pool, org, playbookId, starts);

      say(`${updates} bare Updates, one at a time`);
      const bareUpdate = summarizeLatencies(await bareUpdates(client, stack, updates));

      say(`${walks} cycles walked through the inbox to the plan, one at a time`);
      const reps = await Promise.all(Array.from({ length: walks }, (_, i) => addRep(org, `walker-${i}`)));
      const roundTrips: RoundTrips = { total: [], complete: [] };
      const cycleIds: string[] = [];
      for (const rep of reps) cycleIds.push(await walkToPlan(org, rep, playbookId, roundTrips));

      say('waiting for the missed check-ins to escalate, beside as many bare sleep() workflows');
      const [lateness, bareTimerLateness] = await Promise.all([
        escalationLateness(pool, cycleIds),
        bareTimers(client, stack, walks),
      ]);
      return {
        startedAt,
        scale,
        machine: { cpus: cpus().length, node: process.version },
        postgres: { server: database.server, version: database.serverVersion },
        inboxPollMs: INBOX_POLL_MS,
        measurements: {
          roundTrip: summarizeLatencies(roundTrips.total),
          roundTripComplete: summarizeLatencies(roundTrips.complete),
          bareUpdate,
          escalationLateness: summarizeLatencies(lateness.stored),
          escalationDecisionLateness: summarizeLatencies(lateness.decided),
          bareTimerLateness: summarizeLatencies(bareTimerLateness),
          cycleStarts,
          noopWorkflows,
        },
      };
    } finally {
      await connection.close();
      await pool.end();
      await stack.stop();
    }
  });
}

async function noopRate(client: Client, stack: CycleStack, count: number) {
  const perWriter = Math.ceil(count / CONCURRENCY);
  const run = await runWriters(CONCURRENCY, perWriter, async (writer, index) => {
    if (writer * perWriter + index >= count) return;
    await client.workflow.execute('benchNoop', {
      taskQueue: stack.taskQueue,
      workflowId: `noop-${randomUUID()}`,
    });
  });
  return rate(count, run.wallMs);
}

/** Reps straight into the database: starting a cycle needs them to exist, not to sign in. */
async function insertReps(pool: Pool, org: OrganisationFixture, count: number): Promise<string[]> {
  const tag = randomUUID().slice(0, 8);
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO users (organisation_id, email, name, role, manager_id, password_hash)
     SELECT $1, 'bench-' || g || '-' || $3 || '@bench.test', 'Bench rep ' || g, 'rep', $2, '!'
       FROM generate_series(1, $4::int) g RETURNING id`,
    [org.organisationId, org.manager.user.id, tag, count],
  );
  return rows.map((row) => row.id);
}

async function cycleStartRate(pool: Pool, org: OrganisationFixture, playbookId: string, count: number) {
  const reps = await insertReps(pool, org, count);
  const perWriter = Math.ceil(count / CONCURRENCY);
  const started = performance.now();
  const cycleIds: string[] = [];
  await runWriters(CONCURRENCY, perWriter, async (writer, index) => {
    const repId = reps[writer * perWriter + index];
    if (!repId) return;
    const response = await org.manager.api.post<CycleView>('/api/cycles', { repId, playbookId });
    if (response.status !== 201)
      throw new Error(`starting a cycle: ${response.status} ${JSON.stringify(response.body)}`);
    cycleIds.push(response.body.id);
  });
  // Started means recorded: CycleStarted of every cycle is in the event store.
  for (;;) {
    const { rows } = await pool.query<{ count: string }>(
      `SELECT count(*) FROM events WHERE event_type = 'CycleStarted' AND stream_id = ANY($1::text[])`,
      [cycleIds.map(cycleStreamId)],
    );
    if (Number(rows[0]?.count) >= cycleIds.length) break;
    await sleep(INBOX_POLL_MS);
  }
  return rate(cycleIds.length, performance.now() - started);
}

async function bareUpdates(client: Client, stack: CycleStack, count: number): Promise<number[]> {
  const handle = await client.workflow.start('benchFieldHolder', {
    taskQueue: stack.taskQueue,
    workflowId: `field-${randomUUID()}`,
  });
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const before = performance.now();
    await handle.executeUpdate<number, [number]>('benchSetField', { args: [i] });
    latencies.push(performance.now() - before);
  }
  await handle.executeUpdate('benchStop');
  await handle.result();
  // The first calls warm connections and caches on both sides.
  return latencies.slice(Math.min(5, latencies.length - 1));
}

async function bareTimers(client: Client, stack: CycleStack, count: number): Promise<number[]> {
  const results = await Promise.all(
    Array.from({ length: count }, () =>
      client.workflow.execute<(ms: number) => Promise<{ dueAt: number; firedAt: number }>>('benchSleeper', {
        taskQueue: stack.taskQueue,
        workflowId: `sleeper-${randomUUID()}`,
        args: [2000 + CHECK_IN_GRACE_MS],
      }),
    ),
  );
  return results.map(({ dueAt, firedAt }) => firedAt - dueAt);
}

async function addRep(org: OrganisationFixture, name: string): Promise<FixtureUser> {
  const email = `${name}-${randomUUID().slice(0, 8)}@bench.test`;
  const password = 'bench-password-1';
  const created = await org.admin.api.post('/api/users', {
    email,
    name,
    password,
    role: 'rep',
    managerId: org.manager.user.id,
  });
  if (created.status !== 201) throw new Error(`creating a rep: ${created.status}`);
  const login = await new ApiClient(org.admin.api.baseUrl).post<{ token: string; user: FixtureUser['user'] }>(
    '/api/auth/login',
    { email, password },
  );
  return { user: login.body.user, api: org.admin.api.withToken(login.body.token) };
}

/** Polls `user`'s inbox until an open task of `kind` shows up in the cycle; returns its id. */
async function waitForTask(user: ApiClient, cycleId: string, kind: TaskKind): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const response = await user.get<TaskList>(`/api/tasks?status=open&cycleId=${cycleId}`);
    const task = response.body.tasks?.find((candidate) => candidate.kind === kind);
    if (task) return task.id;
    if (Date.now() > deadline) throw new Error(`no ${kind} task appeared in cycle ${cycleId}`);
    await sleep(INBOX_POLL_MS);
  }
}

/**
 * One cycle from its start to an accepted plan, timing each completion that hands someone the next task:
 * manager assessment → set-priorities, priorities → coaching-session, session → acknowledge-plan.
 */
async function walkToPlan(
  org: OrganisationFixture,
  rep: FixtureUser,
  playbookId: string,
  roundTrips: RoundTrips,
): Promise<string> {
  const manager = org.manager.api;
  const started = await manager.post<CycleView>('/api/cycles', { repId: rep.user.id, playbookId });
  const cycleId = started.body.id;
  const complete = async (user: ApiClient, kind: TaskKind, data: Record<string, unknown>) =>
    completeTask(user, await waitForTask(user, cycleId, kind), data);
  const timed = async (
    user: ApiClient,
    kind: TaskKind,
    data: Record<string, unknown>,
    next: { user: ApiClient; kind: TaskKind },
  ) => {
    const id = await waitForTask(user, cycleId, kind);
    const before = performance.now();
    await completeTask(user, id, data);
    roundTrips.complete.push(performance.now() - before);
    await waitForTask(next.user, cycleId, next.kind);
    roundTrips.total.push(performance.now() - before);
  };
  await complete(rep.api, 'self-assessment', { ratings: fixtureRatings(3) });
  await timed(
    manager,
    'manager-assessment',
    { ratings: fixtureRatings(2) },
    { user: manager, kind: 'set-priorities' },
  );
  await timed(
    manager,
    'set-priorities',
    { focusAreas: ['discovery'], diagnosis: 'skill', style: 'coaching' },
    { user: manager, kind: 'coaching-session' },
  );
  await timed(
    manager,
    'coaching-session',
    { commitments: [{ title: 'Benchmark commitment', due: COMMITMENT_DUE }] },
    { user: rep.api, kind: 'acknowledge-plan' },
  );
  await complete(rep.api, 'acknowledge-plan', { accepted: true });
  return cycleId;
}

/**
 * For each cycle, when its commitment's check-in grace ended (CommitmentMade.dueAt + grace) against when
 * EscalationRaised was stored (recorded_at) and decided (its `at`, workflow time).
 */
async function escalationLateness(
  pool: Pool,
  cycleIds: string[],
): Promise<{ stored: number[]; decided: number[] }> {
  const streams = cycleIds.map(cycleStreamId);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { rows } = await pool.query<{ due: string; at: string; recorded: Date }>(
      `SELECT made.data->>'dueAt' AS due, raised.data->>'at' AS at, raised.recorded_at AS recorded
         FROM events raised JOIN events made ON made.stream_id = raised.stream_id AND made.event_type = 'CommitmentMade'
        WHERE raised.event_type = 'EscalationRaised' AND raised.stream_id = ANY($1::text[])`,
      [streams],
    );
    if (rows.length >= cycleIds.length) {
      const due = (row: { due: string }) => Date.parse(row.due) + CHECK_IN_GRACE_MS;
      return {
        stored: rows.map((row) => row.recorded.getTime() - due(row)),
        decided: rows.map((row) => Date.parse(row.at) - due(row)),
      };
    }
    if (Date.now() > deadline)
      throw new Error(`only ${rows.length} of ${cycleIds.length} escalations raised`);
    await sleep(20);
  }
}

async function completeTask(user: ApiClient, taskId: string, data: Record<string, unknown>): Promise<void> {
  const response = await user.post(`/api/tasks/${taskId}/complete`, { data });
  if (response.status !== 200)
    throw new Error(`completing a task: ${response.status} ${JSON.stringify(response.body)}`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
