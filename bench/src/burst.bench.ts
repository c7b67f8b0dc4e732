import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { cycleStreamId, cycleWorkflowId } from '@coachflow/domain';
import { createOrganisationFixture, createPlaybookFixture } from '@coachflow/testing';
import { LAST_STEP_MS } from '@coachflow/workflows';
import { Client, Connection } from '@temporalio/client';
import { Pool } from 'pg';
import { type BenchRun, benchEnvironment } from './bench-run';
import { withBenchDatabase } from './bench-database';
import { type ChainReadsSummary, chainReadOf, summarizeChainReads, timelineOf } from './burst-chain-reads';
import { envCount } from './bench-scale';
import { type LatencySummary, summarizeLatencies } from './cycle-report';
import { type CycleStack, startCycleStack } from './cycle-stack';
import { sampleScheduler, type SchedulerStretch } from './scheduler-sampler';
import {
  complete,
  createPeople,
  inBatches,
  type LoadCycle,
  openTaskOf,
  sleep,
  startCycles,
  WALK,
} from './simulated-people';

export interface BurstBenchmarkOptions {
  env: NodeJS.ProcessEnv;
  scale: number;
  say: (line: string) => void;
}

/** How long after the due second until the last of a burst was done, and how the rest spread. */
export interface BurstFigure {
  count: number;
  /** Due → the last one done: the figure the target is about. */
  allDoneMs: number;
  lateness: LatencySummary;
}

export interface BurstBenchmarkResult extends BenchRun {
  commitments: number;
  cycles: number;
  perCycle: number;
  graceSeconds: number;
  /** Commitments due → every check-in task in its inbox (the tasks projection). */
  checkIns: BurstFigure;
  /** Commitments due → every check-in's TaskOpened stored (`recorded_at`): the workflows' share. */
  checkInsStored: BurstFigure;
  /** Each check-in's TaskOpened stored → its inbox row seen: the projection's share (and the 20 ms poll). */
  storedToInbox: LatencySummary;
  /** Check-in grace over with no check-in → every EscalationRaised stored. */
  escalations: BurstFigure;
  /** Grace over → each EscalationRaised decided (its `at`: the deciding workflow task's start). */
  escalationsDecided: BurstFigure;
  /** Each EscalationRaised decided → stored: the chain read again if it was not ahead, and the append. */
  decidedToStored: LatencySummary;
  /** The reads of the reporting chain ahead of the grace's end, from the cycles' histories. */
  chainReads: ChainReadsSummary;
  /** The slowest escalation's workflow from its grace's last step, ms from the grace's end. */
  slowestEscalation: { workflowId: string; timeline: string[] };
  /** As many bare workflows, each a commitment timer then a grace timer, all due in the same second. */
  bareTimers: BurstFigure;
  /**
   * Each process's threads' time on a core and waiting for one from the grace's last step to the last
   * escalation stored, and from the bare timers' last step to the last fired.
   */
  scheduler: { escalations: SchedulerStretch | null; bareTimers: SchedulerStretch | null };
  /** The machine's 1-minute load average at each step of the run. */
  loadAverages: { at: string; loadAverage: number }[];
}

/** A coaching session names at most this many commitments. */
const MAX_COMMITMENTS_PER_CYCLE = 20;
const POLL_MS = 20;
const SESSION = WALK.findIndex((step) => step.kind === 'coaching-session');

/**
 * `npm run bench -- burst`: a team's Monday 9:00. BURST_COMMITMENTS commitments (1,000 × BENCH_SCALE, one a
 * cycle unless BURST_COMMITMENTS_PER_CYCLE says up to 20) all fall due in the same second; nobody checks
 * in. Timed: until every check-in task is in its
 * inbox, and until every escalation of the missed check-ins is stored, against as many bare workflows
 * whose two timers (due, then grace) fall due in the same second, in the same run.
 */
export async function burstBenchmark({
  env,
  scale,
  say,
}: BurstBenchmarkOptions): Promise<BurstBenchmarkResult> {
  const startedAt = new Date().toISOString();
  const wanted = envCount(env, 'BURST_COMMITMENTS', Math.max(40, Math.round(1000 * scale)));
  // One a cycle by default: a team's Monday is many reps with a commitment each, so many workflows wake.
  const perCycle = Math.min(MAX_COMMITMENTS_PER_CYCLE, envCount(env, 'BURST_COMMITMENTS_PER_CYCLE', 1));
  const cycleCount = Math.ceil(wanted / perCycle);
  const commitments = cycleCount * perCycle;
  const graceSeconds = envCount(env, 'BURST_GRACE_SECONDS', 20);
  const loadAverages: BurstBenchmarkResult['loadAverages'] = [];
  const noteLoad = (at: string) => {
    const loadAverage = loadavg()[0] ?? Number.NaN;
    loadAverages.push({ at, loadAverage });
    say(`load average ${loadAverage.toFixed(2)} (${at})`);
  };
  return withBenchDatabase(env, say, async (database) => {
    const stack = await startCycleStack(database.url, say);
    const pool = new Pool({ connectionString: database.url, max: 4 });
    const connection = await Connection.connect({ address: stack.temporalAddress });
    const temporal = new Client({ connection });
    try {
      const org = await createOrganisationFixture(stack.baseUrl);
      const playbookId = await createPlaybookFixture(org.admin.api, {
        timings: {
          prioritiseDue: 'P7D',
          sessionDue: 'P7D',
          planLength: 'P30D',
          checkInGrace: `PT${graceSeconds}S`,
          escalateAfter: 'P7D',
        },
      });
      say(`${cycleCount} cycles walked to their sessions`);
      const people = await createPeople(pool, org, cycleCount, stack.baseUrls);
      const cycles = await startCycles(people.pairs, playbookId, stack.baseUrls);
      await inBatches(cycles, 8, async (cycle) => {
        for (let step = 0; step < SESSION; step++) await complete(cycle, step, await openTaskOf(cycle, step));
      });
      // Time to agree every plan before the due second: measured on the first ones, with room to spare.
      const dueAt = await agreePlans(cycles, perCycle, say);
      const cycleIds = cycles.map((cycle) => cycle.cycleId);
      const scheduler = sampleScheduler(stack.pids(), 50);

      noteLoad('commitments due');
      say(`${commitments} commitments due at ${new Date(dueAt).toISOString()}; waiting for their check-ins`);
      const inbox = checkInsInInbox(pool, cycleIds);
      const checkIns = await waitForAll(commitments, dueAt, async () => [...(await inbox()).values()]);
      say(`every check-in in its inbox ${checkIns.allDoneMs} ms after the due second`);
      const stored = await checkInsStoredAt(pool, cycleIds);
      const checkInsStored = figureOf([...stored.values()], dueAt);
      const seen = await inbox();
      const storedToInbox = summarizeLatencies(
        [...stored].map(([taskId, at]) => (seen.get(taskId) ?? Number.NaN) - at),
      );
      say(
        `every check-in stored ${checkInsStored.allDoneMs} ms after the due second; stored → inbox ` +
          `p50 ${storedToInbox.p50Ms} ms, max ${storedToInbox.maxMs} ms`,
      );
      say(`waiting ${graceSeconds} s of grace for the escalations`);
      const graceEndsAt = dueAt + graceSeconds * 1000;
      const raised = await escalationsRaised(pool, cycleIds, commitments, graceEndsAt);
      noteLoad('every escalation stored');
      const escalations = figureOf(
        raised.map((row) => row.storedAt),
        graceEndsAt,
      );
      const escalationsDecided = figureOf(
        raised.map((row) => row.decidedAt),
        graceEndsAt,
      );
      const decidedToStored = summarizeLatencies(raised.map((row) => row.storedAt - row.decidedAt));
      say(
        `every escalation stored ${escalations.allDoneMs} ms after the grace ended, decided ` +
          `${escalationsDecided.allDoneMs} ms; decided → stored p50 ${decidedToStored.p50Ms} ms, ` +
          `max ${decidedToStored.maxMs} ms`,
      );
      const escalationsWindow = scheduler.between(
        graceEndsAt - LAST_STEP_MS,
        graceEndsAt + escalations.allDoneMs,
      );

      say(`${commitments} bare workflows, a due timer then a ${graceSeconds} s grace timer, due together`);
      const bare = await bareBurst(temporal, stack, commitments, graceSeconds * 1000, noteLoad);
      const bareTimers = bare.figure;
      const bareWindow = scheduler.between(bare.firesAt - LAST_STEP_MS, bare.firesAt + bareTimers.allDoneMs);
      scheduler.stop();

      const histories = await inBatches(cycleIds, 8, async (cycleId) => ({
        workflowId: cycleWorkflowId(cycleId),
        events: (await temporal.workflow.getHandle(cycleWorkflowId(cycleId)).fetchHistory()).events ?? [],
      }));
      const chainReads = summarizeChainReads(
        histories.map(({ events }) => chainReadOf(events)),
        graceEndsAt,
      );
      const slowest = raised.reduce((last, row) => (row.storedAt > last.storedAt ? row : last));
      const slowestWorkflowId = cycleWorkflowId(slowest.cycleId);
      const slowestEscalation = {
        workflowId: slowestWorkflowId,
        timeline: timelineOf(
          histories.find((history) => history.workflowId === slowestWorkflowId)?.events ?? [],
          graceEndsAt - LAST_STEP_MS - 500,
          graceEndsAt,
        ),
      };
      return {
        startedAt,
        scale,
        ...benchEnvironment(database),
        commitments,
        cycles: cycleCount,
        perCycle,
        graceSeconds,
        checkIns,
        checkInsStored,
        storedToInbox,
        escalations,
        escalationsDecided,
        decidedToStored,
        chainReads,
        slowestEscalation,
        bareTimers,
        scheduler: { escalations: escalationsWindow, bareTimers: bareWindow },
        loadAverages,
      };
    } finally {
      await connection.close();
      await pool.end();
      await stack.stop();
    }
  });
}

/** Lead before the due second: enough to agree every plan (two completions a cycle) on a loaded machine. */
const leadMs = (cycles: number) => 10_000 + cycles * 200;

/**
 * Completes every session with `perCycle` commitments due in one second, then every plan, all
 * before that second comes. Returns it (epoch ms).
 */
async function agreePlans(
  cycles: LoadCycle[],
  perCycle: number,
  say: (line: string) => void,
): Promise<number> {
  const sessionsOpen = await inBatches(cycles, 8, async (cycle) => openTaskOf(cycle, SESSION));
  const dueAt = Math.ceil((Date.now() + leadMs(cycles.length)) / 1000) * 1000;
  say(`due in ${Math.round((dueAt - Date.now()) / 1000)} s`);
  await inBatches(cycles, 8, async (cycle, index) =>
    complete(cycle, SESSION, sessionsOpen[index]!, sessionData(dueAt, perCycle)),
  );
  await inBatches(cycles, 8, async (cycle) =>
    complete(cycle, SESSION + 1, await openTaskOf(cycle, SESSION + 1)),
  );
  if (Date.now() >= dueAt)
    throw new Error(
      'the plans took longer to agree than the lead before the due second (BURST lead too short)',
    );
  return dueAt;
}

const sessionData = (dueAt: number, perCycle: number) => ({
  commitments: Array.from({ length: perCycle }, (_, index) => ({
    title: `Burst commitment ${index + 1}`,
    due: new Date(dueAt).toISOString(),
  })),
});

/** Polls `count()` until it reaches `total`; the figure is from `dueAt` to the poll that saw the last one. */
async function waitForAll(
  total: number,
  dueAt: number,
  count: () => Promise<number[]>,
): Promise<BurstFigure> {
  const deadline = dueAt + 300_000;
  for (;;) {
    const doneAt = await count();
    if (doneAt.length >= total) return figureOf(doneAt, dueAt);
    if (Date.now() > deadline)
      throw new Error(`only ${doneAt.length} of ${total} done 300 s after their due`);
    await sleep(POLL_MS);
  }
}

const figureOf = (doneAt: number[], dueAt: number): BurstFigure => ({
  count: doneAt.length,
  allDoneMs: Math.max(...doneAt) - dueAt,
  lateness: summarizeLatencies(doneAt.map((at) => at - dueAt)),
});

/**
 * When each check-in task reached the inbox, by task id: the tasks projection's row appeared. The rows
 * carry no time of their own, so each is stamped with the poll that first saw it.
 */
function checkInsInInbox(pool: Pool, cycleIds: string[]): () => Promise<Map<string, number>> {
  const seen = new Map<string, number>();
  return async () => {
    const { rows } = await pool.query<{ task_id: string }>(
      `SELECT task_id FROM tasks WHERE cycle_id = ANY($1::uuid[]) AND kind = 'commitment-check-in'`,
      [cycleIds],
    );
    const now = Date.now();
    for (const row of rows) if (!seen.has(row.task_id)) seen.set(row.task_id, now);
    return seen;
  };
}

/** When each check-in task's TaskOpened was stored (`recorded_at`), by task id. */
async function checkInsStoredAt(pool: Pool, cycleIds: string[]): Promise<Map<string, number>> {
  const { rows } = await pool.query<{ task_id: string; at: Date }>(
    `SELECT data->>'taskId' AS task_id, recorded_at AS at FROM events
      WHERE stream_id = ANY($1::text[]) AND event_type = 'TaskOpened' AND data->>'kind' = 'commitment-check-in'`,
    [cycleIds.map(cycleStreamId)],
  );
  return new Map(rows.map((row) => [row.task_id, row.at.getTime()]));
}

interface RaisedEscalation {
  cycleId: string;
  /** The decision's time (the event's `at`): the start of the workflow task that decided it. */
  decidedAt: number;
  /** Its `recorded_at`. */
  storedAt: number;
}

/** Every EscalationRaised of the cycles, once all `total` are stored (polled until then). */
async function escalationsRaised(
  pool: Pool,
  cycleIds: string[],
  total: number,
  graceEndsAt: number,
): Promise<RaisedEscalation[]> {
  const read = async () => {
    const { rows } = await pool.query<{ stream_id: string; decided: string; stored: Date }>(
      `SELECT stream_id, data->>'at' AS decided, recorded_at AS stored FROM events
        WHERE stream_id = ANY($1::text[]) AND event_type = 'EscalationRaised'`,
      [cycleIds.map(cycleStreamId)],
    );
    const byStream = new Map(cycleIds.map((cycleId) => [cycleStreamId(cycleId), cycleId]));
    return rows.map((row) => ({
      cycleId: byStream.get(row.stream_id) ?? row.stream_id,
      decidedAt: Date.parse(row.decided),
      storedAt: row.stored.getTime(),
    }));
  };
  await waitForAll(total, graceEndsAt, async () => (await read()).map((row) => row.storedAt));
  return read();
}

/**
 * `count` bare workflows waiting as a commitment does: a timer to the due second, then the grace; all due
 * together. Each reports when its last timer fired (workflow time); the figure is the last of them.
 */
async function bareBurst(
  temporal: Client,
  stack: CycleStack,
  count: number,
  graceMs: number,
  noteLoad: (at: string) => void,
): Promise<{ figure: BurstFigure; firesAt: number }> {
  // Room to start them all on a busy machine (about 40 a second here under load) before the first timer.
  const firesAt = Math.ceil((Date.now() + 10_000 + count * 100 + graceMs) / 1000) * 1000;
  const handles = await inBatches(Array.from({ length: count }), 16, () =>
    temporal.workflow.start<
      (dueAt: number, lastStepMs: number) => Promise<{ dueAt: number; firedAt: number }>
    >('benchSleeper', {
      taskQueue: stack.taskQueue,
      workflowId: `burst-${randomUUID()}`,
      args: [firesAt, graceMs],
    }),
  );
  if (Date.now() >= firesAt - graceMs)
    throw new Error('starting the bare workflows took longer than their lead');
  const results = await inBatches(handles, 64, (handle) => handle.result());
  noteLoad('every bare timer fired');
  const lateness = results.map(({ dueAt, firedAt }) => firedAt - dueAt);
  return {
    figure: { count, allDoneMs: Math.max(...lateness), lateness: summarizeLatencies(lateness) },
    firesAt,
  };
}
