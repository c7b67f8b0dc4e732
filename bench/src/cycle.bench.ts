import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { CycleView, TaskKind, TaskList } from '@coachflow/contracts';
import { cycleStreamId, cycleWorkflowId } from '@coachflow/domain';
import { LAST_STEP_MS, MIN_TIMER_MS } from '@coachflow/workflows';
import {
  addRep,
  type ApiClient,
  createOrganisationFixture,
  createPlaybookFixture,
  fixtureRatings,
  type FixtureUser,
  LiveStreamClient,
  type OrganisationFixture,
} from '@coachflow/testing';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { Pool } from 'pg';
import { type BenchRun, benchEnvironment } from './bench-run';
import { withBenchDatabase } from './bench-database';
import { envCount } from './bench-scale';
import { type CycleMeasurements, type Rate, rate, summarizeLatencies } from './cycle-report';
import {
  type SegmentSummary,
  storedInstants,
  summarizeSegments,
  type TimedRoundTrip,
} from './round-trip-timeline';
import { type CycleStack, startCycleStack } from './cycle-stack';
import {
  type DeadlineKind,
  type DeadlineLateness,
  type DeadlineShapeRow,
  type ShapeLateness,
  summarizeDeadlineShapes,
  summarizeTimerPaths,
  type TimerPathRow,
  type TimerPaths,
} from './deadline-shapes-report';
import { type TimerPath, timerPath } from './deadline-timer-path';
import { runWriters } from './run-writers';
import { sampleScheduler } from './scheduler-sampler';
import { slowestTimers, type SlowTimerRow, type TimedPath } from './slow-timers';

export interface CycleBenchmarkOptions {
  env: NodeJS.ProcessEnv;
  scale: number;
  say: (line: string) => void;
}

export interface CycleBenchmarkResult extends BenchRun {
  /** How often the polled round trip polls the inbox: its resolution. */
  inboxPollMs: number;
  /** Where the announced round trips' milliseconds went, segment by segment. */
  roundTripSegments: SegmentSummary[];
  measurements: CycleMeasurements;
  /**
   * Each alternating start round's wall time, no-op workflows then cycles, with the machine's 1-minute
   * load average when it began: how much the start ratio swings within a run, and with what.
   */
  startRounds: { noopMs: number; cycleMs: number; loadAverage: number }[];
  /** Each kind of deadline in cycles of two commitments climbing to level 2, against bare timers. */
  deadlineShapes: DeadlineShapeRow[];
  /** Bare waits of the shapes left out of the baseline: their last timer was under MIN_TIMER_MS. */
  bareWaitsSkipped: number;
  /** For each kind, where the timer that woke its decision lost its milliseconds, ours and bare. */
  deadlineTimerPaths: TimerPathRow[];
  /** The slowest of those timers, each part beside what the worker, the dev server and the API did meanwhile. */
  slowestDeadlineTimers: SlowTimerRow[];
  /** The machine's 1-minute load average when the deadline shapes began and when they ended. */
  deadlineShapesLoadAverage: { start: number; end: number };
}

interface RoundTrips {
  /** Complete → next task in the inbox, fetched once the next person's live stream announced it. */
  total: number[];
  /** Complete → next task in the inbox, polled every INBOX_POLL_MS (walks alternate the two ways). */
  polled: number[];
  /** Complete → 200, both ways. */
  complete: number[];
  /** Where each announced round trip's milliseconds went (instants filled in from the store after). */
  timelines: TimedRoundTrip[];
}

const INBOX_POLL_MS = 5;
const CHECK_IN_GRACE_MS = 1000;
const CONCURRENCY = 8;
/** Timed completions in one walk to the plan. */
const ROUND_TRIPS_PER_WALK = 3;
/** The first round trips and updates warm connections and caches on both sides; they are not counted. */
const WARM_UP = 5;
/** Start rates are measured in this many alternating rounds of no-op workflows and cycles. */
const START_ROUNDS = 4;
/** Escalations, and the bare timers after them, fall due this far apart, one at a time. */
const DUE_SPACING_MS = 200;
/**
 * The deadline shapes' playbook: a check-in grace longer than the workflow's 2 s read-ahead of the chain, a
 * climb to level 2. Their cycles fall due 390 ms apart, so one cycle's deadlines (due, +3 s, +8 s) never
 * coincide with another's (offsets 0, 270 and 200 ms modulo 390), nor do their last steps' wake-ups 1.5 s
 * before each (offsets 60, 330 and 260).
 */
const SHAPE_GRACE_MS = 3000;
const SHAPE_ESCALATE_AFTER_MS = 5000;
const SHAPE_SPACING_MS = 390;
/**
 * The bare waits of the shapes fall due this long after the cycles': every wake-up of either (first and last
 * steps, decisions) keeps at least 30 ms from every one of the other's.
 */
const SHAPE_BARE_OFFSET_MS = 30;

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
      const playbookId = await benchPlaybook(org, `PT${CHECK_IN_GRACE_MS / 1000}S`, 'PT1H');
      const starts = Math.max(10, Math.round(100 * scale));
      const escalations = Math.max(3, Math.round(100 * scale));
      const updates = Math.max(20, Math.round(200 * scale));
      // As many round trips as bare Updates each way (announced, polled), so the p99s rest on as many samples.
      const walks = 2 * Math.ceil((updates + WARM_UP) / ROUND_TRIPS_PER_WALK);
      // BENCH_CYCLE_PART=deadline-shapes: the deadline shapes alone, to repeat them (the other rows stay empty).
      const shapesOnly = env['BENCH_CYCLE_PART'] === 'deadline-shapes';

      let starting: Awaited<ReturnType<typeof startRates>> = {
        noopWorkflows: rate(0, 0),
        cycleStarts: rate(0, 0),
        rounds: [],
      };
      let baselines = { bare: [] as number[], recording: [] as number[] };
      const roundTrips: RoundTrips = { total: [], polled: [], complete: [], timelines: [] };
      let lateness = { stored: [] as number[], decided: [] as number[] };
      let bareTimerLateness: number[] = [];
      if (!shapesOnly) {
        say(
          `starting ${starts} cycles over HTTP and ${starts} no-op workflows, ${CONCURRENCY} at a time, in ${START_ROUNDS} alternating rounds`,
        );
        starting = await startRates(client, stack, pool, org, playbookId, starts);

        say(`${updates} bare Updates and ${updates} recording one event, alternating, one at a time`);
        baselines = await updateBaselines(client, stack, updates);

        say(
          `${walks} cycles walked through the inbox to the plan, one at a time, the next task awaited on the ` +
            `live stream and polled (every ${INBOX_POLL_MS} ms) in turn`,
        );
        for (let i = 0; i < walks; i++) {
          const rep = await addRep(org, `walker-${i}`);
          await walkToPlan(org, rep, playbookId, roundTrips, i % 2 === 0 ? 'announced' : 'polled');
        }

        say(
          `${escalations} missed check-ins escalating ${DUE_SPACING_MS} ms apart, then as many bare sleep() timers, ` +
            'each with nothing else running',
        );
        lateness = await escalationLateness(pool, org, playbookId, escalations);
        bareTimerLateness = await bareTimers(client, stack, escalations);
      }
      const { noopWorkflows, cycleStarts, rounds: startRounds } = starting;
      const timelines = await storedInstants(pool, roundTrips.timelines.slice(WARM_UP));

      // 100 cycles at scale 1: 200 check-ins and 100 of each level, so a p99 is not the slowest sample.
      const shapes = Math.max(5, Math.round(100 * scale));
      say(
        `${shapes} cycles of two commitments due together ${SHAPE_SPACING_MS} ms apart, one checked in, the ` +
          `other escalating to level 2 (grace ${SHAPE_GRACE_MS} ms, escalate after ${SHAPE_ESCALATE_AFTER_MS} ms), ` +
          `with bare sleep() timers of the same shapes alongside, ${SHAPE_BARE_OFFSET_MS} ms after`,
      );
      // The bare waits run alongside the cycles, on the same worker at the same time, so the machine's load
      // (which drifts by the minute here) touches both alike. What the worker, the dev server and the API
      // ran and waited for meanwhile explains the slow timers.
      const scheduler = sampleScheduler(stack.pids());
      const shapesLoadStart = loadavg()[0] ?? Number.NaN;
      const { bare: bareShapeDecisions, ...shapeLateness } = await deadlineShapeLateness(
        say,
        pool,
        org,
        shapes,
        (firstDue) => bareShapes(client, stack, shapes, firstDue + SHAPE_BARE_OFFSET_MS),
      ).finally(() => scheduler.stop());
      const deadlineShapesLoadAverage = { start: shapesLoadStart, end: loadavg()[0] ?? Number.NaN };
      const histories = new HistoryReader(client);
      const ourPaths = await histories.timerPaths(shapeLateness.decisions);
      const barePaths = await histories.timerPaths(bareShapeDecisions);
      await histories.dump();
      // A bare wait whose first step came late (its first workflow task, which builds the workflow, is slow
      // on a loaded machine) is left a last timer under a second, which the server fires about a second after
      // it started: that measures the short-timer rule, not a bare timer, so it is not a baseline sample.
      const bareBaseline = bareShapeDecisions.filter((_, i) => (barePaths[i]?.lengthMs ?? 0) >= MIN_TIMER_MS);
      const bareSkipped = bareShapeDecisions.length - bareBaseline.length;
      if (bareSkipped > 0)
        say(
          `${bareSkipped} bare waits left a last timer under ${MIN_TIMER_MS} ms: not counted as bare timers`,
        );
      return {
        startedAt,
        scale,
        ...benchEnvironment(database),
        inboxPollMs: INBOX_POLL_MS,
        roundTripSegments: summarizeSegments(timelines),
        startRounds,
        deadlineShapes: summarizeDeadlineShapes(shapeLateness, latenessByKind(bareBaseline)),
        bareWaitsSkipped: bareSkipped,
        deadlineShapesLoadAverage,
        deadlineTimerPaths: summarizeTimerPaths(
          pathsByKind(shapeLateness.decisions, ourPaths),
          pathsByKind(bareShapeDecisions, barePaths),
        ),
        slowestDeadlineTimers: slowestTimers(
          [
            ...timedPaths('ours', shapeLateness.decisions, ourPaths),
            ...timedPaths('bare', bareShapeDecisions, barePaths).filter(
              ({ path }) => path.lengthMs >= MIN_TIMER_MS,
            ),
          ],
          await histories.all(),
          scheduler,
        ),
        measurements: {
          roundTrip: summarizeLatencies(roundTrips.total.slice(WARM_UP)),
          roundTripPolled: summarizeLatencies(roundTrips.polled.slice(WARM_UP)),
          roundTripComplete: summarizeLatencies(roundTrips.complete.slice(WARM_UP)),
          bareUpdate: summarizeLatencies(baselines.bare),
          recordingUpdate: summarizeLatencies(baselines.recording),
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

/**
 * Cycles started over HTTP against no-op workflows started and completed: `count` of each, in alternating
 * rounds after an untimed warm-up round, so drift in the machine's load touches both alike.
 */
async function startRates(
  client: Client,
  stack: CycleStack,
  pool: Pool,
  org: OrganisationFixture,
  playbookId: string,
  count: number,
): Promise<{
  noopWorkflows: Rate;
  cycleStarts: Rate;
  rounds: { noopMs: number; cycleMs: number; loadAverage: number }[];
}> {
  const perRound = Math.ceil(count / START_ROUNDS);
  const reps = await insertReps(pool, org, CONCURRENCY + perRound * START_ROUNDS);
  await noopBatch(client, stack, CONCURRENCY);
  await cycleBatch(pool, org, playbookId, reps.splice(0, CONCURRENCY));
  let noopMs = 0;
  let cycleMs = 0;
  const rounds: { noopMs: number; cycleMs: number; loadAverage: number }[] = [];
  for (let round = 0; round < START_ROUNDS; round++) {
    const loadAverage = loadavg()[0] ?? Number.NaN;
    const noop = await noopBatch(client, stack, perRound);
    const cycle = await cycleBatch(pool, org, playbookId, reps.splice(0, perRound));
    rounds.push({ noopMs: noop, cycleMs: cycle, loadAverage });
    noopMs += noop;
    cycleMs += cycle;
  }
  const total = perRound * START_ROUNDS;
  return { noopWorkflows: rate(total, noopMs), cycleStarts: rate(total, cycleMs), rounds };
}

/** Starts `count` no-op workflows, CONCURRENCY at a time, and waits for them to complete; returns the wall ms. */
async function noopBatch(client: Client, stack: CycleStack, count: number): Promise<number> {
  const perWriter = Math.ceil(count / CONCURRENCY);
  const run = await runWriters(CONCURRENCY, perWriter, async (writer, index) => {
    if (writer * perWriter + index >= count) return;
    await client.workflow.execute('benchNoop', {
      taskQueue: stack.taskQueue,
      workflowId: `noop-${randomUUID()}`,
    });
  });
  return run.wallMs;
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

/** Starts a cycle for each rep over HTTP, CONCURRENCY at a time, until each CycleStarted is stored; returns the wall ms. */
async function cycleBatch(
  pool: Pool,
  org: OrganisationFixture,
  playbookId: string,
  reps: string[],
): Promise<number> {
  const perWriter = Math.ceil(reps.length / CONCURRENCY);
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
  return performance.now() - started;
}

/**
 * Bare Updates (a workflow that only sets a field) alternating with Updates that first record one event (the
 * cycle's recording local activity), so drift in the machine's load touches both alike.
 */
async function updateBaselines(
  client: Client,
  stack: CycleStack,
  count: number,
): Promise<{ bare: number[]; recording: number[] }> {
  const start = (workflowType: string, args: unknown[]) =>
    client.workflow.start(workflowType, {
      taskQueue: stack.taskQueue,
      workflowId: `field-${randomUUID()}`,
      args,
    });
  const bare = await start('benchFieldHolder', []);
  const recording = await start('benchRecordingHolder', [`bench-field-${randomUUID()}`]);
  const latencies = { bare: [] as number[], recording: [] as number[] };
  for (let i = 0; i < count + WARM_UP; i++) {
    for (const [handle, samples] of [
      [bare, latencies.bare],
      [recording, latencies.recording],
    ] as const) {
      const before = performance.now();
      await handle.executeUpdate<number, [number]>('benchSetField', { args: [i] });
      samples.push(performance.now() - before);
    }
  }
  for (const handle of [bare, recording]) {
    await handle.executeUpdate('benchStop');
    await handle.result();
  }
  return { bare: latencies.bare.slice(WARM_UP), recording: latencies.recording.slice(WARM_UP) };
}

/**
 * `count` bare sleep() workflows falling due DUE_SPACING_MS apart after the same lead as the escalations
 * had, each waiting for a "commitment" and then its "grace" as a cycle does.
 */
async function bareTimers(client: Client, stack: CycleStack, count: number): Promise<number[]> {
  const firstDue = Date.now() + escalationLeadMs(count) + CHECK_IN_GRACE_MS;
  return sleeperLateness(
    client,
    stack,
    Array.from({ length: count }, (_, i) => ({
      dueAt: firstDue + i * DUE_SPACING_MS,
      lastStepMs: CHECK_IN_GRACE_MS,
    })),
  );
}

/** Starts a benchSleeper per wait and returns, in order, how late each woke after its due. */
async function sleeperLateness(
  client: Client,
  stack: CycleStack,
  waits: readonly { dueAt: number; lastStepMs: number }[],
): Promise<number[]> {
  return (await sleepers(client, stack, waits)).map(({ dueAt, firedAt }) => firedAt - dueAt);
}

/** Starts a benchSleeper per wait and returns, in order, each one's workflow id, due and wake-up time. */
async function sleepers(
  client: Client,
  stack: CycleStack,
  waits: readonly { dueAt: number; lastStepMs: number }[],
): Promise<{ workflowId: string; dueAt: number; firedAt: number }[]> {
  const handles: WorkflowHandle<
    (dueAt: number, lastStepMs: number) => Promise<{ dueAt: number; firedAt: number }>
  >[] = [];
  // Started CONCURRENTLY at a time, in order of due: hundreds one by one would eat into the first ones' waits.
  const perWriter = Math.ceil(waits.length / CONCURRENCY);
  await runWriters(CONCURRENCY, perWriter, async (writer, index) => {
    const i = index * CONCURRENCY + writer;
    const wait = waits[i];
    if (!wait) return;
    handles[i] = await client.workflow.start('benchSleeper', {
      taskQueue: stack.taskQueue,
      workflowId: `sleeper-${randomUUID()}`,
      args: [wait.dueAt, wait.lastStepMs],
    });
  });
  return Promise.all(
    handles.map(async (handle) => ({ workflowId: handle.workflowId, ...(await handle.result()) })),
  );
}

/**
 * Time enough to agree `count` plans before the first commitment falls due; BENCH_ESCALATION_LEAD_MS sets
 * it on a busy machine, where agreeing them takes longer (the bench refuses to measure if it was too short).
 */
const escalationLeadMs = (count: number) =>
  envCount(process.env, 'BENCH_ESCALATION_LEAD_MS', 1000 + count * 150);

/**
 * A playbook whose first steps fall due long after any run, so only the check-in grace and the escalation
 * climb (levels manager then leader) time anything.
 */
const benchPlaybook = (org: OrganisationFixture, checkInGrace: string, escalateAfter: string) =>
  createPlaybookFixture(org.admin.api, {
    timings: { prioritiseDue: 'PT1H', sessionDue: 'PT1H', planLength: 'PT1H', checkInGrace, escalateAfter },
    levels: ['manager', 'leader'],
  });

/** Polls `user`'s inbox until an open task of `kind` shows up in the cycle; returns its id. */
async function waitForTask(user: ApiClient, cycleId: string, kind: TaskKind): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const response = await user.get<TaskList>(`/api/tasks?status=open&cycleId=${cycleId}`);
    const task = response.body.items?.find((candidate) => candidate.kind === kind);
    if (task) return task.id;
    if (Date.now() > deadline) throw new Error(`no ${kind} task appeared in cycle ${cycleId}`);
    await sleep(INBOX_POLL_MS);
  }
}

/**
 * One cycle from its start to an accepted plan, timing each completion that hands someone the next task:
 * manager assessment → set-priorities, priorities → coaching-session, session → acknowledge-plan. Its
 * commitment falls due long after the run, so no escalation competes with the round trips. `announced`:
 * the next person waits as the web app does, on their live stream (opened before the walk), then fetches
 * their inbox; `polled`: they poll their inbox every INBOX_POLL_MS.
 */
async function walkToPlan(
  org: OrganisationFixture,
  rep: FixtureUser,
  playbookId: string,
  roundTrips: RoundTrips,
  way: 'announced' | 'polled',
): Promise<void> {
  const manager = org.manager.api;
  const streams =
    way === 'announced'
      ? new Map(
          await Promise.all(
            [manager, rep.api].map(
              async (user) => [user, await openStream(user)] as [ApiClient, LiveStreamClient],
            ),
          ),
        )
      : undefined;
  try {
    const cycleId = await startCycle(org, rep, playbookId);
    const timed = async (
      user: ApiClient,
      kind: TaskKind,
      data: Record<string, unknown>,
      next: { user: ApiClient; kind: TaskKind },
    ) => {
      const id = await waitForTask(user, cycleId, kind);
      const before = performance.now();
      const postedAt = epochNow();
      await completeTask(user, id, data);
      const answeredAt = epochNow();
      roundTrips.complete.push(performance.now() - before);
      const stream = streams?.get(next.user);
      if (!stream) {
        await waitForTask(next.user, cycleId, next.kind);
        roundTrips.polled.push(performance.now() - before);
        return;
      }
      const announced = await announcedTask(stream, next.user, cycleId, next.kind, postedAt);
      roundTrips.total.push(performance.now() - before);
      roundTrips.timelines.push({
        taskId: id,
        nextTaskId: announced.taskId,
        postedAt,
        answeredAt,
        announcedAt: announced.announcedAt,
        visibleAt: epochNow(),
        decidedAt: Number.NaN,
        recordedAt: Number.NaN,
        projectingAt: Number.NaN,
      });
    };
    await completeOpenTask(rep.api, cycleId, 'self-assessment', SELF_ASSESSMENT);
    await timed(manager, 'manager-assessment', MANAGER_ASSESSMENT, { user: manager, kind: 'set-priorities' });
    await timed(manager, 'set-priorities', PRIORITIES, { user: manager, kind: 'coaching-session' });
    await timed(manager, 'coaching-session', sessionWith('PT1H'), {
      user: rep.api,
      kind: 'acknowledge-plan',
    });
    await completeOpenTask(rep.api, cycleId, 'acknowledge-plan', { accepted: true });
  } finally {
    for (const stream of streams?.values() ?? []) stream.close();
  }
}

/** Sub-millisecond epoch time, comparable with Postgres's and the workflow's clocks on this machine. */
const epochNow = () => performance.timeOrigin + performance.now();

async function openStream(user: ApiClient): Promise<LiveStreamClient> {
  const stream = await LiveStreamClient.open(user.baseUrl, user.token);
  if (stream.status !== 200) throw new Error(`opening a live stream: ${stream.status}`);
  return stream;
}

/**
 * What the web app does for its open inbox: waits for the live stream's message opening a task of `kind`
 * in the cycle, then fetches the inbox (the app paints the row from the message and refetches; the bench
 * counts the refetch too). Polls if the inbox does not hold it yet.
 */
async function announcedTask(
  stream: LiveStreamClient,
  user: ApiClient,
  cycleId: string,
  kind: TaskKind,
  since: number,
): Promise<{ taskId: string; announcedAt: number }> {
  const message = await stream.next(
    (candidate) =>
      candidate.receivedAt >= Math.floor(since) &&
      candidate.data.type === 'TaskOpened' &&
      candidate.data.cycleId === cycleId &&
      candidate.data.task?.kind === kind,
    30_000,
  );
  return { taskId: await waitForTask(user, cycleId, kind), announcedAt: message.receivedAt };
}

const SELF_ASSESSMENT = { ratings: fixtureRatings(3) };
const MANAGER_ASSESSMENT = { ratings: fixtureRatings(2) };
const PRIORITIES = { focusAreas: ['discovery'], diagnosis: 'skill', style: 'coaching' };
const sessionWith = (due: string, commitments = 1) => ({
  commitments: Array.from({ length: commitments }, (_, i) => ({
    title: `Benchmark commitment ${i + 1}`,
    due,
  })),
});

async function startCycle(org: OrganisationFixture, rep: FixtureUser, playbookId: string): Promise<string> {
  const started = await org.manager.api.post<CycleView>('/api/cycles', { repId: rep.user.id, playbookId });
  if (started.status !== 201) throw new Error(`starting a cycle: ${started.status}`);
  return started.body.id;
}

async function completeOpenTask(
  user: ApiClient,
  cycleId: string,
  kind: TaskKind,
  data: Record<string, unknown>,
): Promise<void> {
  await completeTask(user, await waitForTask(user, cycleId, kind), data);
}

/**
 * `count` cycles whose one commitment nobody checks in on, due DUE_SPACING_MS apart once every plan is
 * agreed, so the escalations fire one at a time with nothing else running. Returns, per cycle, the check-in
 * grace's end (CommitmentMade.dueAt + grace) to EscalationRaised stored (recorded_at) and decided (its
 * `at`, workflow time).
 */
async function escalationLateness(
  pool: Pool,
  org: OrganisationFixture,
  playbookId: string,
  count: number,
): Promise<{ stored: number[]; decided: number[] }> {
  const { cycles } = await plansDueInTurn(org, playbookId, count, 'escalation', DUE_SPACING_MS, 1);
  return escalationTimes(
    pool,
    cycles.map(({ cycleId }) => cycleId),
  );
}

/**
 * `count` cycles walked to their coaching session, then their plans agreed with `commitments` commitments
 * each, due together, the cycles' dues `spacingMs` apart after the lead (see escalationLeadMs). Returns the
 * cycles and their due times.
 */
async function plansDueInTurn(
  org: OrganisationFixture,
  playbookId: string,
  count: number,
  name: string,
  spacingMs: number,
  commitments: number,
): Promise<{ cycles: { cycleId: string; rep: FixtureUser }[]; dues: number[] }> {
  const manager = org.manager.api;
  const cycles: { cycleId: string; rep: FixtureUser }[] = Array.from({ length: count });
  // CONCURRENCY cycles at a time: nothing is timed until the plans' dues.
  const each = (work: (i: number) => Promise<void>) =>
    runWriters(CONCURRENCY, Math.ceil(count / CONCURRENCY), async (writer, index) => {
      const i = writer * Math.ceil(count / CONCURRENCY) + index;
      if (i < count) await work(i);
    });
  await each(async (i) => {
    const rep = await addRep(org, `${name}-${i}`);
    const cycleId = await startCycle(org, rep, playbookId);
    await completeOpenTask(rep.api, cycleId, 'self-assessment', SELF_ASSESSMENT);
    await completeOpenTask(manager, cycleId, 'manager-assessment', MANAGER_ASSESSMENT);
    await completeOpenTask(manager, cycleId, 'set-priorities', PRIORITIES);
    cycles[i] = { cycleId, rep };
  });
  const firstDue = Date.now() + escalationLeadMs(count);
  const dues = cycles.map((_, i) => firstDue + i * spacingMs);
  await each(async (i) => {
    const { cycleId, rep } = cycles[i] as { cycleId: string; rep: FixtureUser };
    const due = new Date(dues[i] as number).toISOString();
    await completeOpenTask(manager, cycleId, 'coaching-session', sessionWith(due, commitments));
    await completeOpenTask(rep.api, cycleId, 'acknowledge-plan', { accepted: true });
  });
  if (Date.now() >= firstDue)
    throw new Error('the plans took longer to agree than the lead before the first due');
  return { cycles, dues };
}

/**
 * `count` cycles whose plans hold two commitments due together, the cycles SHAPE_SPACING_MS apart: the rep
 * checks in on one as soon as its check-in opens, the other escalates to level 1 when its grace ends and
 * climbs to level 2. Returns each deadline's lateness to its event decided and stored.
 */
async function deadlineShapeLateness<Alongside>(
  say: (line: string) => void,
  pool: Pool,
  org: OrganisationFixture,
  count: number,
  alongside: (firstDue: number) => Promise<Alongside>,
): Promise<ShapeLateness & { decisions: Decision[]; bare: Alongside }> {
  const playbookId = await benchPlaybook(
    org,
    `PT${SHAPE_GRACE_MS / 1000}S`,
    `PT${SHAPE_ESCALATE_AFTER_MS / 1000}S`,
  );
  const { cycles, dues } = await plansDueInTurn(org, playbookId, count, 'shape', SHAPE_SPACING_MS, 2);
  const bare = alongside(dues[0] as number);
  let lateCheckIns = 0;
  try {
    await Promise.all(
      cycles.map(async ({ cycleId, rep }, i) => {
        await sleep(Math.max(0, (dues[i] as number) - Date.now()));
        // On a machine this loaded the check-in may come after the grace (409, its task already closed when the
        // inbox shows it, or the Update timed out): both commitments then escalate, each deadline still timed
        // from its own due.
        const taskId = await waitForTask(rep.api, cycleId, 'commitment-check-in').catch(() => null);
        const response = taskId
          ? await rep.api.post(`/api/tasks/${taskId}/complete`, { data: { kept: true } })
          : { status: 409 };
        if (response.status !== 200) lateCheckIns += 1;
      }),
    );
    const times = await deadlineShapeTimes(
      pool,
      cycles.map(({ cycleId }) => cycleId),
    );
    if (lateCheckIns > 0)
      say(`${lateCheckIns} check-ins not made in time (refused or timed out): both commitments escalated`);
    return { ...times, bare: await bare };
  } catch (error) {
    // The bare waits' calls must end before the client's connection closes, or their retries crash the bench
    // before it reports this error.
    await bare.catch(() => undefined);
    throw error;
  }
}

/**
 * Each deadline of the shape cycles against its event, decided (the event's own time: TaskOpened's openedAt,
 * EscalationRaised's at) and stored (recorded_at): a check-in opened against its commitment's due, level 1
 * against due + grace, level 2 against level 1's decision (`at`) + escalateAfter.
 */
async function deadlineShapeTimes(
  pool: Pool,
  cycleIds: string[],
): Promise<ShapeLateness & { decisions: Decision[] }> {
  const streams = cycleIds.map(cycleStreamId);
  const workflowIds = new Map(cycleIds.map((cycleId) => [cycleStreamId(cycleId), cycleWorkflowId(cycleId)]));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { rows } = await pool.query<{
      kind: DeadlineKind;
      stream_id: string;
      decided_at: string;
      decided: string;
      stored: string;
    }>(
      `SELECT 'check-in opened' AS kind, stream_id,
              EXTRACT(EPOCH FROM (data->>'openedAt')::timestamptz) * 1000 AS decided_at,
              EXTRACT(EPOCH FROM (data->>'openedAt')::timestamptz - (data->'context'->>'dueAt')::timestamptz) * 1000
                AS decided,
              EXTRACT(EPOCH FROM recorded_at - (data->'context'->>'dueAt')::timestamptz) * 1000 AS stored
         FROM events WHERE event_type = 'TaskOpened' AND data->>'kind' = 'commitment-check-in'
          AND stream_id = ANY($1::text[])
       UNION ALL
       SELECT 'escalation level 1', raised.stream_id,
              EXTRACT(EPOCH FROM (raised.data->>'at')::timestamptz) * 1000,
              EXTRACT(EPOCH FROM (raised.data->>'at')::timestamptz - (made.data->>'dueAt')::timestamptz) * 1000 - $2,
              EXTRACT(EPOCH FROM raised.recorded_at - (made.data->>'dueAt')::timestamptz) * 1000 - $2
         FROM events raised JOIN events made ON made.stream_id = raised.stream_id
          AND made.event_type = 'CommitmentMade' AND made.data->>'commitmentId' = raised.data->>'commitmentId'
        WHERE raised.event_type = 'EscalationRaised' AND raised.data->>'level' = '1'
          AND raised.stream_id = ANY($1::text[])
       UNION ALL
       SELECT 'escalation level 2', two.stream_id,
              EXTRACT(EPOCH FROM (two.data->>'at')::timestamptz) * 1000,
              EXTRACT(EPOCH FROM (two.data->>'at')::timestamptz - (one.data->>'at')::timestamptz) * 1000 - $3,
              EXTRACT(EPOCH FROM two.recorded_at - (one.data->>'at')::timestamptz) * 1000 - $3
         FROM events two JOIN events one ON one.stream_id = two.stream_id AND one.event_type = 'EscalationRaised'
          AND one.data->>'level' = '1' AND one.data->>'escalationId' = two.data->>'escalationId'
        WHERE two.event_type = 'EscalationRaised' AND two.data->>'level' = '2'
          AND two.stream_id = ANY($1::text[])`,
      [streams, SHAPE_GRACE_MS, SHAPE_ESCALATE_AFTER_MS],
    );
    const lateness: ShapeLateness = { decided: emptyByKind<number>(), stored: emptyByKind<number>() };
    for (const row of rows) {
      lateness.decided[row.kind].push(Number(row.decided));
      lateness.stored[row.kind].push(Number(row.stored));
    }
    // Every cycle's two check-ins, at least one escalation each, and each escalation's climb (both commitments
    // escalate when a check-in came too late).
    const checkIns = lateness.stored['check-in opened'].length;
    const levelOne = lateness.stored['escalation level 1'].length;
    const levelTwo = lateness.stored['escalation level 2'].length;
    if (checkIns >= 2 * cycleIds.length && levelOne >= cycleIds.length && levelTwo >= levelOne)
      return {
        ...lateness,
        decisions: rows.map((row) => ({
          kind: row.kind,
          workflowId: workflowIds.get(row.stream_id) as string,
          decidedAtMs: Math.round(Number(row.decided_at)),
        })),
      };
    if (Date.now() > deadline) throw new Error(`only ${levelTwo} of ${cycleIds.length} level-2 escalations`);
    await sleep(20);
  }
}

const emptyByKind = <T>(): Record<DeadlineKind, T[]> => ({
  'check-in opened': [],
  'escalation level 1': [],
  'escalation level 2': [],
});

/**
 * Bare sleep() workflows of the same shapes and spacing from `firstDue`: per "cycle", two check-ins at its
 * due, then one timer at due + grace and one at due + grace + escalateAfter, each waited in two steps as the
 * cycle waits for its deadlines (patch deadline-last-step): a last timer of LAST_STEP_MS from a wake-up.
 */
async function bareShapes(
  client: Client,
  stack: CycleStack,
  count: number,
  firstDue: number,
): Promise<Decision[]> {
  const waits: { kind: DeadlineKind; dueAt: number; lastStepMs: number }[] = [];
  for (let i = 0; i < count; i++) {
    const due = firstDue + i * SHAPE_SPACING_MS;
    const levelOne = due + SHAPE_GRACE_MS;
    waits.push(
      { kind: 'check-in opened', dueAt: due, lastStepMs: LAST_STEP_MS },
      { kind: 'check-in opened', dueAt: due, lastStepMs: LAST_STEP_MS },
      { kind: 'escalation level 1', dueAt: levelOne, lastStepMs: LAST_STEP_MS },
      { kind: 'escalation level 2', dueAt: levelOne + SHAPE_ESCALATE_AFTER_MS, lastStepMs: LAST_STEP_MS },
    );
  }
  const woken = await sleepers(client, stack, waits);
  return waits.map(({ kind }, i) => {
    const { workflowId, dueAt, firedAt } = woken[i] as (typeof woken)[number];
    return { kind, workflowId, decidedAtMs: firedAt, latenessMs: firedAt - dueAt };
  });
}

/** A deadline decided: in which workflow, at what workflow time, how late (bare waits). */
interface Decision {
  kind: DeadlineKind;
  workflowId: string;
  decidedAtMs: number;
  latenessMs?: number;
}

const latenessByKind = (decisions: readonly Decision[]): DeadlineLateness => {
  const lateness = emptyByKind<number>();
  for (const { kind, latenessMs } of decisions) lateness[kind].push(latenessMs ?? Number.NaN);
  return lateness;
};

const timedPaths = (
  of: 'ours' | 'bare',
  decisions: readonly Decision[],
  paths: readonly (TimerPath | null)[],
): TimedPath[] =>
  decisions.flatMap(({ kind, workflowId }, i) => {
    const path = paths[i];
    return path ? [{ kind, of, workflowId, path }] : [];
  });

const pathsByKind = (decisions: readonly Decision[], paths: readonly (TimerPath | null)[]): TimerPaths => {
  const byKind: TimerPaths = emptyByKind<TimerPath>();
  for (const [i, { kind }] of decisions.entries()) {
    const path = paths[i];
    if (path) byKind[kind].push(path);
  }
  return byKind;
};

/**
 * The histories of the shapes part's workflows, each fetched once: the path of the timer that woke each
 * decision, and every history (what else ran meanwhile). BENCH_HISTORIES_DIR: they are written there too.
 */
class HistoryReader {
  private readonly fetched = new Map<string, Promise<HistoryEvent[]>>();

  constructor(private readonly client: Client) {}

  /** For each decision, the path of the timer that woke it (null when no timer woke it). */
  async timerPaths(decisions: readonly Decision[]): Promise<(TimerPath | null)[]> {
    const paths: (TimerPath | null)[] = [];
    for (const { workflowId, decidedAtMs } of decisions)
      paths.push(timerPath(await this.history(workflowId), decidedAtMs));
    return paths;
  }

  async all(): Promise<Map<string, HistoryEvent[]>> {
    const all = new Map<string, HistoryEvent[]>();
    for (const [workflowId, events] of this.fetched) all.set(workflowId, await events);
    return all;
  }

  async dump(): Promise<void> {
    const dir = process.env['BENCH_HISTORIES_DIR'];
    if (!dir) return;
    await mkdir(dir, { recursive: true });
    for (const [workflowId, events] of await this.all())
      await writeFile(join(dir, `${workflowId}.json`), JSON.stringify({ events }, null, 1));
  }

  private history(workflowId: string): Promise<HistoryEvent[]> {
    const events =
      this.fetched.get(workflowId) ??
      this.client.workflow
        .getHandle(workflowId)
        .fetchHistory()
        .then((history) => history.events ?? []);
    this.fetched.set(workflowId, events);
    return events;
  }
}

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/** For each cycle, its check-in grace's end against when EscalationRaised was stored and decided. */
async function escalationTimes(
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
