import { type AppendSide, type AppendTarget, APPEND_SIDES, type OpenAppendTarget } from './append-target';
import { benchEvents } from './bench-events';
import { coachflowAppendTarget } from './coachflow-append-target';
import { emmettAppendTarget } from './emmett-append-target';
import { rawPgAppendTarget } from './raw-pg-append-target';
import { mergeRuns } from './merge-runs';
import { runWriters, type WritersRun } from './run-writers';
import { type RunSummary, summarizeRun } from './summarize-run';

export interface AppendScenario {
  writers: number;
  eventsPerAppend: number;
  appendsPerWriter: number;
}

export interface AppendScenarioResult {
  scenario: AppendScenario;
  sides: Record<AppendSide, RunSummary>;
  /** Throughput of ours over each baseline. */
  ratios: { coachflowToRawPg: number; coachflowToEmmett: number };
}

export interface AppendBenchmarkOptions {
  /** Multiplies the appends per writer (BENCH_SCALE). */
  scale: number;
  say: (line: string) => void;
}

const OPEN: Record<AppendSide, OpenAppendTarget> = {
  coachflow: coachflowAppendTarget,
  'raw-pg': rawPgAppendTarget,
  emmett: emmettAppendTarget,
};
// Enough for connections, JIT-ed code paths, plan caches and first-use schema work on every side.
const WARM_UP_APPENDS = 200;
// Sides take turns in short rounds, so a checkpoint, autovacuum or a noisy neighbour hits all of them
// alike instead of whichever side happened to be running.
const ROUNDS = 5;
const WRITERS = [1, 16];
const EVENTS_PER_APPEND = [1, 10];
// Sized for 2–4 minutes in all on 2 cores; a single writer is latency-bound, so it gets more appends.
const APPENDS_PER_WRITER: Record<number, number> = { 1: 10_000, 16: 2_000 };

function scenarios(scale: number): AppendScenario[] {
  return WRITERS.flatMap((writers) =>
    EVENTS_PER_APPEND.map((eventsPerAppend) => ({
      writers,
      eventsPerAppend,
      appendsPerWriter: Math.max(ROUNDS, Math.round((APPENDS_PER_WRITER[writers] ?? 2_000) * scale)),
    })),
  );
}

/** Runs each writer for `appendsPerWriter` more appends. */
type RunMore = (appendsPerWriter: number) => Promise<WritersRun>;

/** Concurrent writers, one stream each, that carry on where they stopped each time they are run. */
function streamWriters(
  target: AppendTarget,
  streamPrefix: string,
  writers: number,
  eventsPerAppend: number,
): RunMore {
  const streams = Array.from({ length: writers }, (_, writer) => {
    const streamId = `${streamPrefix}-${writer}`;
    return { streamId, append: target.streamWriter(streamId), version: 0 };
  });
  return (appendsPerWriter: number) =>
    runWriters(writers, appendsPerWriter, async (writer) => {
      const stream = streams[writer];
      if (!stream) throw new Error(`no stream for writer ${writer}`);
      await stream.append(benchEvents(stream.streamId, stream.version, eventsPerAppend));
      stream.version += eventsPerAppend;
    });
}

/** appendsPerWriter split into ROUNDS nearly equal parts. */
function roundSizes(appendsPerWriter: number): number[] {
  return Array.from(
    { length: ROUNDS },
    (_, round) =>
      Math.floor((appendsPerWriter * (round + 1)) / ROUNDS) - Math.floor((appendsPerWriter * round) / ROUNDS),
  );
}

async function runScenario(
  databaseUrl: string,
  scenario: AppendScenario,
  say: (line: string) => void,
): Promise<Record<AppendSide, RunSummary>> {
  const { writers, eventsPerAppend, appendsPerWriter } = scenario;
  // Stream ids look like a cycle stream (`type-id`): Emmett files them under that type.
  const name = `bench${writers}w${eventsPerAppend}e`;
  const targets = new Map<AppendSide, AppendTarget>();
  try {
    const sides: { side: AppendSide; append: RunMore; runs: WritersRun[] }[] = [];
    for (const side of APPEND_SIDES) {
      const target = await OPEN[side](databaseUrl, writers);
      targets.set(side, target);
      const warmUp = streamWriters(target, `warmup-${name}`, writers, eventsPerAppend);
      await warmUp(Math.ceil(WARM_UP_APPENDS / writers));
      sides.push({
        side,
        append: streamWriters(target, `cycle-${name}`, writers, eventsPerAppend),
        runs: [],
      });
    }
    for (const [round, size] of roundSizes(appendsPerWriter).entries()) {
      say(`  round ${round + 1}/${ROUNDS}: ${size} appends per writer on each side`);
      // Rotate who goes first so no side always follows the same one.
      const first = round % sides.length;
      for (const side of [...sides.slice(first), ...sides.slice(0, first)])
        side.runs.push(await side.append(size));
    }
    const summary = (side: AppendSide) => {
      const runs = sides.find((s) => s.side === side)?.runs ?? [];
      return summarizeRun(mergeRuns(runs), eventsPerAppend);
    };
    return { coachflow: summary('coachflow'), 'raw-pg': summary('raw-pg'), emmett: summary('emmett') };
  } finally {
    for (const target of targets.values()) await target.close();
  }
}

/**
 * Appends to our event store and to the two baselines, every scenario on all three sides against the same
 * database, in rounds that take turns between the sides.
 */
export async function appendBenchmark(
  databaseUrl: string,
  options: AppendBenchmarkOptions,
): Promise<AppendScenarioResult[]> {
  const results: AppendScenarioResult[] = [];
  for (const scenario of scenarios(options.scale)) {
    options.say(
      `append: ${scenario.writers} writer(s) x ${scenario.appendsPerWriter} appends of ${scenario.eventsPerAppend} event(s), all sides`,
    );
    const sides = await runScenario(databaseUrl, scenario, options.say);
    for (const side of APPEND_SIDES) {
      const run = sides[side];
      options.say(
        `  ${side}: ${run.appendsPerSec.toFixed(0)} appends/s, p50 ${run.p50Ms.toFixed(2)} ms, p99 ${run.p99Ms.toFixed(2)} ms`,
      );
    }
    results.push({
      scenario,
      sides,
      ratios: {
        coachflowToRawPg: sides.coachflow.appendsPerSec / sides['raw-pg'].appendsPerSec,
        coachflowToEmmett: sides.coachflow.appendsPerSec / sides.emmett.appendsPerSec,
      },
    });
  }
  return results;
}
