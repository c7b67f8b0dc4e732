import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { cycleStreamId } from '@coachflow/domain';
import { createOrganisationFixture, createPlaybookFixture, LiveStreamClient } from '@coachflow/testing';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { Pool } from 'pg';
import { type BenchRun, benchEnvironment } from './bench-run';
import { withBenchDatabase } from './bench-database';
import { envCount } from './bench-scale';
import { type LatencySummary, type Rate, rate, summarizeLatencies } from './cycle-report';
import { type CycleStack, startCycleStack } from './cycle-stack';
import { type ProjectionStatements, projectionStatementsPerCompletion } from './load-statements';
import { type CpuByRole, cpuBetween, cpuByRole, withDescendants } from './process-cpu';
import { type RoundTripTimeline, storedInstants, type TimedRoundTrip } from './round-trip-timeline';
import { sampleScheduler } from './scheduler-sampler';
import {
  roundTripParts,
  roundTripSpan,
  type SlowOperation,
  slowestOperations,
  type Span,
} from './slow-round-trips';
import {
  complete,
  createPeople,
  inBatches,
  type LoadCycle,
  openTaskOf,
  type Person,
  sleep,
  startCycles,
  WALK,
} from './simulated-people';

export interface LoadBenchmarkOptions {
  env: NodeJS.ProcessEnv;
  scale: number;
  say: (line: string) => void;
}

/** One topology's figures: N APIs and N workers on one dev server and one database. */
export interface LoadTopologyResult {
  processes: number;
  cycles: number;
  clients: number;
  /** Cycles walked to their plans by `clients` simulated people at once, every completion counted. */
  completions: Rate;
  /** Bare Updates by as many clients at once, each on its own workflow. */
  bareUpdates: Rate;
  /**
   * The floor at saturation: Updates that each record one event through the cycle's local activity (the
   * cycle bench's floor), as many clients and as many Updates. What recording an event at all costs.
   */
  floorUpdates: Rate;
  /**
   * CPU milliseconds per completion, per bare Update and per floor Update at saturation, by process (the
   * APIs, the workers, the dev server, the embedded Postgres, this bench's clients): where a completion's
   * cost goes.
   */
  cpuMsPer: { completion: CpuByRole; bareUpdate: CpuByRole; floorUpdate: CpuByRole };
  /** At `LOAD_STEADY_RATE` (50) a second: past this machine's saturation, so two queues, not a steady state. */
  steady: SteadyPhase;
  /** At half the completions per second just measured at saturation: a rate the machine holds. */
  held: SteadyPhase;
}

/** Completions and the floor's Updates sent open-loop at one rate. */
export interface SteadyPhase {
  perSecond: number;
  /** Completion → the next task visible in its inbox, at `perSecond` completions a second. */
  roundTrip: LatencySummary;
  /** The same open-loop rate of Updates recording one event (the cycle bench's floor). */
  floor: LatencySummary;
  /** Ticks that found no open task ready: the rate was not held. */
  missedTicks: number;
  /** The machine's 1-minute load average as the phase began and ended. */
  loadAverage: { start: number; end: number };
  /** CPU cores used by every role while each side ran (CPU ms over wall ms). */
  cores: { roundTrip: number; floor: number };
  /**
   * What the stack used doing nothing just before the phase (the previous phase's backlog worked off):
   * CPU ms per second by role, the cores in all, and how long it took to settle.
   */
  atRest: AtRest;
  /**
   * CPU ms by role per completion (every tick's, timed or not) and per floor Update in this phase: set beside
   * the saturation's `cpuMsPer`, where a completion costs more when fewer come at once.
   */
  cpuMsPer: { completion: CpuByRole; floorUpdate: CpuByRole };
  /** The slowest 1% of each side, each beside what the processes did meanwhile. */
  slowest: { roundTrips: SlowOperation[]; floor: SlowOperation[] };
  /** Every round trip's instants (epoch ms) and the task completed, for a look at the slow ones. */
  timelines: (RoundTripTimeline & { label?: string })[];
  /**
   * The control: the floor again at the rate that uses as much CPU as the round trips did (from the floor's
   * CPU per Update just measured), so both sides' tails are seen on an equally busy machine.
   */
  floorAtSameCpu?: { perSecond: number; latency: LatencySummary; cores: number; slowest: SlowOperation[] };
}

export interface LoadCheck {
  /** Tasks opened or completed more than once. */
  duplicatedTasks: number;
  /** Streams whose versions are not 1..n. */
  streamGaps: number;
  /** Completed tasks the inbox does not show completed. */
  inboxMismatches: number;
  /** Live-update rows for the simulated managers, and how many messages their streams received. */
  liveUpdates: { stored: number; received: number; streamsPerApi: number[] };
}

export interface LoadBenchmarkResult extends BenchRun {
  topologies: LoadTopologyResult[];
  /** Completions per second with two of each against one of each. */
  scaleOut: number;
  check: LoadCheck;
  /** The projections' statements per completion, counted on a replay of this run's first cycles. */
  projectionStatements: ProjectionStatements;
}

/**
 * `npm run bench -- load`: simulated managers and reps walking cycles to their plans over HTTP, many at
 * once, with one API and one worker and then two of each (requests spread over the APIs). Against Temporal's
 * own floor in the same run: completions per second at saturation against bare Updates per second with as
 * many clients; the round trip at a steady rate against Updates recording one event at the same rate.
 */
export async function loadBenchmark({ env, scale, say }: LoadBenchmarkOptions): Promise<LoadBenchmarkResult> {
  const startedAt = new Date().toISOString();
  const cycles = envCount(env, 'LOAD_CYCLES', Math.max(40, Math.round(500 * scale)));
  const clients = envCount(env, 'LOAD_CLIENTS', 32);
  const steadyRate = envCount(env, 'LOAD_STEADY_RATE', 50);
  const steadySeconds = envCount(env, 'LOAD_STEADY_SECONDS', Math.max(5, Math.round(15 * scale)));
  // 1 runs one API and one worker alone: a shorter run where only a completion's CPU is compared.
  const maxProcesses = Math.min(2, envCount(env, 'LOAD_MAX_PROCESSES', 2));
  const warmUpSeconds = envCount(env, 'LOAD_WARM_UP_SECONDS', 3);
  return withBenchDatabase(env, say, async (database) => {
    const stack = await startCycleStack(database.url, say);
    const pool = new Pool({ connectionString: database.url, max: 4 });
    const connection = await Connection.connect({ address: stack.temporalAddress });
    const temporal = new Client({ connection });
    const streams: LiveStreamClient[] = [];
    /** Which API serves each of `streams`. */
    const streamApis: number[] = [];
    try {
      const org = await createOrganisationFixture(stack.baseUrl);
      const playbookId = await createPlaybookFixture(org.admin.api, {
        timings: { prioritiseDue: 'P7D', sessionDue: 'P7D', planLength: 'P30D' },
      });
      const topologies: LoadTopologyResult[] = [];
      const allCycles: string[] = [];
      const managers: Person[] = [];
      for (let processes = 1; processes <= maxProcesses; processes++) {
        while (stack.baseUrls.length < processes) {
          say('starting a second worker and API');
          await stack.addWorkerAndApi();
        }
        // Enough for either steady phase (the held one is slower than LOAD_STEADY_RATE on this machine):
        // a cycle starts the phase at one of STARTING_STEPS in turn, so has 3.5 completions left on average.
        const completionsLeft = WALK.length - (STARTING_STEPS - 1) / 2;
        const steadyCycles = Math.ceil((steadyRate * steadySeconds) / completionsLeft) + clients;
        const total = cycles + 2 * steadyCycles + WARM_UP_CYCLES;
        say(`${processes} API + ${processes} worker: ${total} people and cycles`);
        const people = await createPeople(pool, org, total, stack.baseUrls);
        managers.push(...people.managers);
        // Every manager's stream, on the APIs in turn: each must get every update whichever API serves it.
        // The managers wait on them for their next task, as the web app does.
        const managerStreams = new Map<string, LiveStreamClient>();
        for (const [index, manager] of people.managers.entries()) {
          const api = index % stack.baseUrls.length;
          const stream = await openStream(stack.baseUrls[api]!, manager.token);
          streams.push(stream);
          streamApis.push(api);
          managerStreams.set(manager.id, stream);
        }
        const started = (await startCycles(people.pairs, playbookId, stack.baseUrls)).map((cycle) => ({
          ...cycle,
          streams: { manager: managerStreams.get(cycle.manager.id) },
        }));
        allCycles.push(...started.map((cycle) => cycle.cycleId));
        const saturated = started.slice(0, cycles);
        const steadyOnes = started.slice(cycles, cycles + steadyCycles);
        const heldOnes = started.slice(cycles + steadyCycles, cycles + 2 * steadyCycles);
        const warmOnes = started.slice(cycles + 2 * steadyCycles);
        const roles = () => ({
          ...stack.pids(),
          ...(database.serverPid ? { postgres: [database.serverPid] } : {}),
        });
        const steadyPhase = async (
          perSecond: number,
          walking: LoadCycle[],
          control = false,
        ): Promise<SteadyPhase> => {
          const atRest = await untilAtRest(roles());
          say(
            `steady ${perSecond}/s for ${steadySeconds} s: Updates recording one event, then completions ` +
              `(the stack at rest after ${(atRest.waitedMs / 1000).toFixed(1)} s: ${atRest.cores.toFixed(2)} cores)`,
          );
          const loadStart = loadavg()[0] ?? Number.NaN;
          // Postgres's backends and the bench itself too: the people's requests wait on this process.
          const sampler = sampleScheduler(
            withDescendants({ ...roles(), clients: [process.pid] }),
            SAMPLE_EVERY_MS,
          );
          try {
            const floorUse = busy(roles());
            const floor = await steadyFloor(temporal, stack, perSecond, steadySeconds);
            const floorUsed = floorUse.done();
            const ready = await readyCycles(walking);
            const walkUse = busy(roles());
            const steady = await steadyCompletions(ready, perSecond, steadySeconds);
            const walkUsed = walkUse.done();
            const completed = perSecond * steadySeconds - steady.missedTicks;
            const timelines = await storedInstants(pool, steady.timelines);
            const slowCount = Math.max(1, Math.ceil(timelines.length / 100));
            let floorAtSameCpu: SteadyPhase['floorAtSameCpu'];
            if (control) {
              const cpuPerUpdate = floorUsed.cpuMs / floor.length;
              const matched = Math.max(1, Math.round((walkUsed.cores * 1000) / cpuPerUpdate));
              say(
                `the floor at ${matched}/s, as much CPU as the completions used (${walkUsed.cores.toFixed(2)} cores)`,
              );
              const matchedUse = busy(roles());
              const spans = await steadyFloor(temporal, stack, matched, steadySeconds);
              floorAtSameCpu = {
                perSecond: matched,
                latency: summarizeLatencies(spans.map(spanMs)),
                cores: matchedUse.done().cores,
                slowest: slowestOperations(spans, sampler, Math.ceil(spans.length / 100)),
              };
            }
            return {
              perSecond,
              roundTrip: summarizeLatencies(steady.roundTrips),
              floor: summarizeLatencies(floor.map(spanMs)),
              missedTicks: steady.missedTicks,
              loadAverage: { start: loadStart, end: loadavg()[0] ?? Number.NaN },
              cores: { roundTrip: walkUsed.cores, floor: floorUsed.cores },
              atRest,
              cpuMsPer: {
                completion: perOperation(walkUsed.byRole, completed),
                floorUpdate: perOperation(floorUsed.byRole, floor.length),
              },
              slowest: {
                roundTrips: slowestOperations(timelines.map(roundTripSpan), sampler, slowCount, (span) =>
                  roundTripParts(span.timeline),
                ),
                floor: slowestOperations(floor, sampler, Math.ceil(floor.length / 100)),
              },
              timelines,
              floorAtSameCpu,
            };
          } finally {
            sampler.stop();
          }
        };
        say(
          `warming up: ${warmUpSeconds} s of walks and floor Updates, ${WARM_UP_PEOPLE} at a time, unmeasured`,
        );
        await warmUp(temporal, stack, warmOnes, warmUpSeconds);
        const steady = await steadyPhase(steadyRate, steadyOnes);

        say(
          `saturation: ${clients} clients, bare Updates, the floor's, then ${cycles} cycles walked to their plans`,
        );
        const updates = cycles * WALK.length;
        const bareCpu = cpuByRole(roles());
        const bareUpdates = await saturatedUpdates(temporal, stack, clients, updates, 'benchFieldHolder');
        const floorCpu = cpuByRole(roles());
        const floorUpdates = await saturatedUpdates(
          temporal,
          stack,
          clients,
          updates,
          'benchRecordingHolder',
        );
        say(`walking ${cycles} cycles to their plans`);
        const walkCpu = cpuByRole(roles());
        const completions = await saturatedWalks(saturated, clients);
        const cpuMsPer = {
          completion: perOperation(cpuBetween(walkCpu, cpuByRole(roles())), completions.count),
          bareUpdate: perOperation(cpuBetween(bareCpu, floorCpu), bareUpdates.count),
          floorUpdate: perOperation(cpuBetween(floorCpu, walkCpu), floorUpdates.count),
        };
        const heldRate = Math.min(steadyRate, Math.max(1, Math.floor(completions.perSecond / 2)));
        const held = await steadyPhase(heldRate, heldOnes, true);
        topologies.push({
          processes,
          cycles,
          clients,
          completions,
          bareUpdates,
          floorUpdates,
          cpuMsPer,
          steady,
          held,
        });
      }
      say('checking streams, inbox and live updates');
      const check = await checkOnce(pool, allCycles, managers, streams, streamApis);
      say("counting the projections' statements on a replay of 40 cycles");
      const projectionStatements = await projectionStatementsPerCompletion(
        database.url,
        allCycles.slice(0, 40),
        say,
      );
      const [one, two] = topologies;
      return {
        startedAt,
        scale,
        ...benchEnvironment(database),
        topologies,
        scaleOut: (two?.completions.perSecond ?? Number.NaN) / (one?.completions.perSecond ?? Number.NaN),
        check,
        projectionStatements,
      };
    } finally {
      for (const stream of streams) stream.close();
      await connection.close();
      await pool.end();
      await stack.stop();
    }
  });
}

/**
 * The steady phases time the completions whose next task opens with them: not the self-assessment (the
 * manager's assessment opens with the cycle, so its "round trip" is the POST and an inbox read, as the
 * cycle bench does not time it either) nor the acknowledgement (the last before the plan).
 */
const isTimed = (step: number) => step >= 1 && step < WALK.length - 1;
/** A steady phase's cycles start at steps 0 to 3 in turn (the self-assessment completed untimed). */
const STARTING_STEPS = WALK.length - 1;

/**
 * How often the held phases read every process's threads' scheduler times: reading some 100 threads'
 * counters costs the bench about 5 ms, so every 20 ms would take a tenth of a core from the people it runs.
 */
const SAMPLE_EVERY_MS = 50;

/** Cycles walked by the warm-up, and how many people walk them at once. */
const WARM_UP_CYCLES = 64;
const WARM_UP_PEOPLE = 8;

/** Sub-millisecond epoch time, comparable with Postgres's and the workflow's clocks on this machine. */
const epochNow = () => performance.timeOrigin + performance.now();

const spanMs = (span: Span) => span.toMs - span.fromMs;

/** A window the stack spent doing nothing: CPU ms per second by role, and the cores in all. */
export interface AtRest {
  msPerSecond: CpuByRole;
  cores: number;
  /** From the first look until the stack was at rest (or AT_REST_MAX_WAIT_MS). */
  waitedMs: number;
}

/** Under this many cores over an AT_REST_WINDOW_MS window, the stack is at rest. */
const AT_REST_CORES = 0.15;
const AT_REST_WINDOW_MS = 2000;
const AT_REST_MAX_WAIT_MS = 30_000;

/**
 * Waits, up to AT_REST_MAX_WAIT_MS, for a window in which the stack (this bench's process too) used under
 * AT_REST_CORES: a phase must not pay for the last one's backlog (projections catching up, autovacuum).
 * Answers the last window's use, which is also what the stack costs idle.
 */
async function untilAtRest(roles: Record<string, number[]>): Promise<AtRest> {
  const began = performance.now();
  for (;;) {
    const use = busy(roles);
    await sleep(AT_REST_WINDOW_MS);
    const { byRole, cores } = use.done();
    const msPerSecond = Object.fromEntries(
      Object.entries(byRole).map(([role, ms]) => [role, (ms * 1000) / AT_REST_WINDOW_MS]),
    );
    if (cores < AT_REST_CORES || performance.now() - began > AT_REST_MAX_WAIT_MS)
      return { msPerSecond, cores, waitedMs: performance.now() - began };
  }
}

/**
 * Starts counting every role's CPU; `done` gives the CPU ms since, by role and in all, and the cores that
 * makes over the wall time.
 */
function busy(roles: Record<string, number[]>): {
  done(): { byRole: CpuByRole; cpuMs: number; cores: number };
} {
  const before = cpuByRole(roles);
  const began = performance.now();
  return {
    done() {
      const byRole = cpuBetween(before, cpuByRole(roles));
      const used = Object.values(byRole).reduce((sum, ms) => sum + ms, 0);
      return { byRole, cpuMs: used, cores: used / (performance.now() - began) };
    },
  };
}

/**
 * Before a stack's first measured phase: WARM_UP_PEOPLE people walking `cycles` and as many loops of
 * floor Updates, for `seconds`, unmeasured, so that no phase pays for cold processes (JIT, caches,
 * connections). Closed loops: a cold stack is kept busy, never queued.
 */
async function warmUp(
  temporal: Client,
  stack: CycleStack,
  cycles: LoadCycle[],
  seconds: number,
): Promise<void> {
  const until = performance.now() + seconds * 1000;
  const holders = await Promise.all(
    Array.from({ length: WARM_UP_PEOPLE }, () =>
      temporal.workflow.start('benchRecordingHolder', {
        taskQueue: stack.taskQueue,
        workflowId: `load-warm-${randomUUID()}`,
        args: [`load-warm-${randomUUID()}`],
      }),
    ),
  );
  const pending = [...cycles];
  let value = 0;
  await Promise.all([
    ...holders.map(async (holder) => {
      while (performance.now() < until) await holder.executeUpdate('benchSetField', { args: [++value] });
    }),
    ...holders.map(async () => {
      for (let cycle = pending.shift(); cycle && performance.now() < until; cycle = pending.shift())
        await withRepStream(cycle, async () => {
          for (let step = 0; step < WALK.length && performance.now() < until; step++)
            await complete(cycle, step, await openTaskOf(cycle, step));
        });
    }),
  ]);
  await stopHolders(holders);
}

const perOperation = (cpu: CpuByRole, count: number): CpuByRole =>
  Object.fromEntries(Object.entries(cpu).map(([role, ms]) => [role, ms / count]));

/** `clients` people at once, each walking one cycle after another to its plan. */
async function saturatedWalks(cycles: LoadCycle[], clients: number): Promise<Rate> {
  const began = performance.now();
  await inBatches(cycles, clients, (cycle) =>
    withRepStream(cycle, async () => {
      for (let step = 0; step < WALK.length; step++)
        await complete(cycle, step, await openTaskOf(cycle, step));
    }),
  );
  return rate(cycles.length * WALK.length, performance.now() - began);
}

/** Runs `work` with the cycle's rep on their live stream, closed after. */
async function withRepStream<T>(cycle: LoadCycle, work: () => Promise<T>): Promise<T> {
  const rep = await openRepStream(cycle);
  try {
    return await work();
  } finally {
    rep.close();
  }
}

/**
 * `clients` loops of Updates, each on a workflow of its own, `total` in all: bare (`benchFieldHolder`) or
 * each recording one event in a stream of the holder's own (`benchRecordingHolder`, the floor).
 */
async function saturatedUpdates(
  temporal: Client,
  stack: CycleStack,
  clients: number,
  total: number,
  workflowType: 'benchFieldHolder' | 'benchRecordingHolder',
): Promise<Rate> {
  const holders = await Promise.all(
    Array.from({ length: clients }, () =>
      temporal.workflow.start(workflowType, {
        taskQueue: stack.taskQueue,
        workflowId: `load-field-${randomUUID()}`,
        args: workflowType === 'benchRecordingHolder' ? [`load-floor-${randomUUID()}`] : [],
      }),
    ),
  );
  const began = performance.now();
  let sent = 0;
  await Promise.all(
    holders.map(async (holder) => {
      while (sent < total) {
        sent += 1;
        await holder.executeUpdate('benchSetField', { args: [sent] });
      }
    }),
  );
  const result = rate(total, performance.now() - began);
  await stopHolders(holders);
  return result;
}

async function stopHolders(holders: WorkflowHandle[]): Promise<void> {
  await Promise.all(holders.map((holder) => holder.executeUpdate('benchStop')));
}

/** Calls `fire` every 1/`perSecond` s for `seconds`, open loop; resolves once every call has ended. */
async function openLoop(perSecond: number, seconds: number, fire: () => Promise<void>): Promise<void> {
  const ticks = perSecond * seconds;
  const began = performance.now();
  const running: Promise<void>[] = [];
  for (let tick = 0; tick < ticks; tick++) {
    const wait = began + (tick * 1000) / perSecond - performance.now();
    if (wait > 0) await sleep(wait);
    running.push(fire());
  }
  await Promise.all(running);
}

/** Updates recording one event, open loop at `perSecond`, spread over workflows so none queues behind another. */
async function steadyFloor(
  temporal: Client,
  stack: CycleStack,
  perSecond: number,
  seconds: number,
): Promise<Span[]> {
  const free: WorkflowHandle[] = await Promise.all(
    Array.from({ length: 16 }, () =>
      temporal.workflow.start('benchRecordingHolder', {
        taskQueue: stack.taskQueue,
        workflowId: `load-floor-${randomUUID()}`,
        args: [`load-floor-${randomUUID()}`],
      }),
    ),
  );
  const all = [...free];
  const spans: Span[] = [];
  let value = 0;
  await openLoop(perSecond, seconds, async () => {
    const holder = free.shift();
    if (!holder) return;
    const fromMs = epochNow();
    await holder.executeUpdate('benchSetField', { args: [++value] });
    spans.push({ fromMs, toMs: epochNow() });
    free.push(holder);
  });
  await stopHolders(all);
  return spans;
}

/** A steady phase's cycles with their reps' streams open, each at the step it starts from. */
interface ReadyCycles {
  ready: { cycle: LoadCycle; step: number; taskId: string }[];
  close(): void;
}

/**
 * Opens the reps' streams and walks the cycles, unmeasured, to each of STARTING_STEPS in turn: the ticks
 * then take the steps in the same mix whatever the rate (all at step 0, a phase of fewer ticks than
 * cycles timed self-assessments only).
 */
async function readyCycles(cycles: LoadCycle[]): Promise<ReadyCycles> {
  const repStreams = await inBatches(cycles, 8, openRepStream);
  const close = () => {
    for (const stream of repStreams) stream.close();
  };
  try {
    const ready = await inBatches(cycles, 8, async (cycle, index) => {
      const step = index % STARTING_STEPS;
      for (let done = 0; done < step; done++) await complete(cycle, done, await openTaskOf(cycle, done));
      return { cycle, step, taskId: await openTaskOf(cycle, step) };
    });
    return { ready, close };
  } catch (error) {
    close();
    throw error;
  }
}

/**
 * Completions at `perSecond`, open loop: each tick completes the open task of a ready cycle, and times it
 * (when `isTimed`) until the next task is visible in its person's inbox. Closes the cycles' streams after.
 */
async function steadyCompletions(
  { ready, close }: ReadyCycles,
  perSecond: number,
  seconds: number,
): Promise<{ roundTrips: number[]; missedTicks: number; timelines: TimedRoundTrip[] }> {
  try {
    const roundTrips: number[] = [];
    const timelines: TimedRoundTrip[] = [];
    let missedTicks = 0;
    await openLoop(perSecond, seconds, async () => {
      const next = ready.shift();
      if (!next) {
        missedTicks += 1;
        return;
      }
      const before = performance.now();
      const postedAt = epochNow();
      await complete(next.cycle, next.step, next.taskId);
      const answeredAt = epochNow();
      if (next.step + 1 >= WALK.length) return;
      if (!isTimed(next.step)) {
        ready.push({
          cycle: next.cycle,
          step: next.step + 1,
          taskId: await openTaskOf(next.cycle, next.step + 1),
        });
        return;
      }
      const seen: { announcedAt?: number } = {};
      const taskId = await openTaskOf(next.cycle, next.step + 1, seen);
      roundTrips.push(performance.now() - before);
      timelines.push({
        label: WALK[next.step]!.kind,
        taskId: next.taskId,
        nextTaskId: taskId,
        postedAt,
        answeredAt,
        announcedAt: seen.announcedAt ?? Number.NaN,
        visibleAt: epochNow(),
        decidedAt: Number.NaN,
        recordedAt: Number.NaN,
        projectingAt: Number.NaN,
      });
      ready.push({ cycle: next.cycle, step: next.step + 1, taskId });
    });
    return { roundTrips, missedTicks, timelines };
  } finally {
    close();
  }
}

/** Opens the live stream the cycle's rep waits on for their next task (as the web app does). */
async function openRepStream(cycle: LoadCycle): Promise<LiveStreamClient> {
  const rep = await openStream(cycle.baseUrl, cycle.rep.token);
  cycle.streams = { ...cycle.streams, rep };
  return rep;
}

async function openStream(baseUrl: string, token: string): Promise<LiveStreamClient> {
  const stream = await LiveStreamClient.open(baseUrl, token);
  if (stream.status !== 200) throw new Error(`live stream: ${stream.status}`);
  return stream;
}

/**
 * Nothing done twice: no task opened or completed twice, no stream gap, the inbox agreeing with every
 * completion, and every live-update row of the simulated managers delivered once to their stream, whichever
 * API served it.
 */
async function checkOnce(
  pool: Pool,
  cycleIds: string[],
  managers: Person[],
  streams: LiveStreamClient[],
  streamApis: number[],
): Promise<LoadCheck> {
  const streamIds = cycleIds.map(cycleStreamId);
  const duplicated = await pool.query<{ count: string }>(
    `SELECT count(*) FROM (
       SELECT event_type, data->>'taskId' FROM events
        WHERE stream_id = ANY($1::text[]) AND event_type IN ('TaskOpened', 'TaskCompleted')
        GROUP BY 1, 2 HAVING count(*) > 1) twice`,
    [streamIds],
  );
  const gaps = await pool.query<{ count: string }>(
    `SELECT count(*) FROM (
       SELECT stream_id FROM events WHERE stream_id = ANY($1::text[])
        GROUP BY stream_id HAVING max(stream_version) <> count(*)) gapped`,
    [streamIds],
  );
  // The projections have caught up once the last completion's row is there; wait for them.
  let mismatches = Number.NaN;
  for (let attempt = 0; attempt < 100; attempt++) {
    const { rows } = await pool.query<{ count: string }>(
      `SELECT count(*) FROM events e
        WHERE e.stream_id = ANY($1::text[]) AND e.event_type = 'TaskCompleted'
          AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.task_id = (e.data->>'taskId')::uuid AND t.status = 'completed')`,
      [streamIds],
    );
    mismatches = Number(rows[0]?.count);
    if (mismatches === 0) break;
    await sleep(100);
  }
  const stored = await pool.query<{ count: string }>(
    `SELECT count(*) FROM live_updates WHERE user_id = ANY($1::uuid[])`,
    [managers.map((manager) => manager.id)],
  );
  // Live updates trail the inbox by their NOTIFY: give the streams a moment.
  await sleep(2000);
  const received = streams.reduce((sum, stream) => sum + stream.messages.length, 0);
  const streamsPerApi = [0, 0];
  for (const api of streamApis) streamsPerApi[api] = (streamsPerApi[api] ?? 0) + 1;
  return {
    duplicatedTasks: Number(duplicated.rows[0]?.count),
    streamGaps: Number(gaps.rows[0]?.count),
    inboxMismatches: mismatches,
    liveUpdates: { stored: Number(stored.rows[0]?.count), received, streamsPerApi },
  };
}
