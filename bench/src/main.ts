import { join } from 'node:path';
import { workspaceRoot } from '@coachflow/dev-stack';
import { formatAppendReport } from './append-report';
import { benchScale } from './bench-scale';
import { burstBenchmark } from './burst.bench';
import { formatBurstReport } from './burst-report';
import { builderBenchmark } from './builder.bench';
import { formatBuilderReport } from './builder-report';
import { cycleBenchmark } from './cycle.bench';
import { formatCycleReport } from './cycle-report';
import { formatSegments } from './round-trip-timeline';
import { formatDeadlineShapes, formatTimerPaths } from './deadline-shapes-report';
import { formatSlowTimers } from './slow-timers';
import { loadBenchmark } from './load.bench';
import { formatHeldPhases, formatLoadReport } from './load-report';
import { historyBenchmark } from './history.bench';
import { formatHistoryReport } from './history-report';
import { memoryBenchmark } from './memory.bench';
import { formatMemoryReport } from './memory-report';
import { notifyBenchmark } from './notify.bench';
import { formatNotifyReport } from './notify-report';
import { eventStoreBenchmark } from './event-store.bench';
import { formatProjectionResult } from './projection.bench';
import { webBenchmark } from './web.bench';
import { formatWebReport } from './web-report';
import { writeResults } from './write-results';

// Progress goes to stderr, so stdout holds the report alone.
const say = (line: string) => console.error(`[bench] ${line}`);
const resultsDir = () => join(workspaceRoot(__dirname), 'bench-results');

async function runEventStore(): Promise<void> {
  const result = await eventStoreBenchmark({ env: process.env, scale: benchScale(process.env), say });
  console.log(
    `\nEvent store appends — Postgres ${result.postgres.version} (${result.postgres.server}), ` +
      `scale ${result.scale}, ${result.machine.cpus} CPUs, Node ${result.machine.node}; ` +
      'ours with NOTIFY on (production default)\n',
  );
  console.log(formatAppendReport(result.append));
  console.log(`\nProjections\n`);
  console.log(formatProjectionResult(result.projection));
  console.log(`\nresults: ${writeResults(resultsDir(), 'event-store', result)}`);
}

async function runCycle(): Promise<void> {
  const result = await cycleBenchmark({ env: process.env, scale: benchScale(process.env), say });
  console.log(
    `\nCoaching cycle — Postgres ${result.postgres.version} (${result.postgres.server}), scale ${result.scale}, ` +
      `${result.machine.cpus} CPUs, Node ${result.machine.node}; API, worker and dev server on this machine; ` +
      `the next task awaited on the live stream, or the inbox polled every ${result.inboxPollMs} ms\n`,
  );
  console.log(formatCycleReport(result.measurements));
  console.log(
    `\nwhere the announced round trips' milliseconds went:\n${formatSegments(result.roundTripSegments)}`,
  );
  const rounds = result.startRounds.map(
    (round) => `${(round.noopMs / round.cycleMs).toFixed(2)}x at load ${round.loadAverage.toFixed(1)}`,
  );
  console.log(`\nstart ratio per round (no-op ms / cycle ms): ${rounds.join(', ')}`);
  console.log(
    `\ndeadline shapes (two commitments, grace 3 s, level 2 after 5 s):\n${formatDeadlineShapes(result.deadlineShapes)}`,
  );
  console.log(
    `\nwhere the timer that woke each decision lost its milliseconds (from the histories; ${result.bareWaitsSkipped} bare ` +
      `waits left out of the baseline, their last timer under a second):\n${formatTimerPaths(result.deadlineTimerPaths)}`,
  );
  const load = result.deadlineShapesLoadAverage;
  console.log(
    "\nthe slowest of those timers, each part beside the other workflows' tasks in flight meanwhile and each " +
      `process's threads' ms on a core / waiting for one (load average ${load.start.toFixed(1)} → ${load.end.toFixed(1)}):\n` +
      formatSlowTimers(result.slowestDeadlineTimers),
  );
  console.log(`\nresults: ${writeResults(resultsDir(), 'cycle', result)}`);
}

async function runLoad(): Promise<void> {
  const result = await loadBenchmark({ env: process.env, scale: benchScale(process.env), say });
  const [first] = result.topologies;
  console.log(
    `\nLoad — Postgres ${result.postgres.version} (${result.postgres.server}), scale ${result.scale}, ` +
      `${result.machine.cpus} CPUs, Node ${result.machine.node}; ${first?.cycles ?? 0} cycles walked at ` +
      `saturation per topology, dev server, workers and APIs on this machine\n`,
  );
  console.log(formatLoadReport(result));
  console.log(
    `\nthe held phases in detail (run / wait: each process's threads' ms on a core / waiting for one):\n`,
  );
  console.log(formatHeldPhases(result));
  console.log(`\nresults: ${writeResults(resultsDir(), 'load', result)}`);
}

async function runWeb(): Promise<void> {
  const result = await webBenchmark({ env: process.env, scale: benchScale(process.env), say });
  console.log(
    `\nWeb app in Chromium ${result.machine.chromium} — scale ${result.scale}, ${result.machine.cpus} CPUs, ` +
      `Node ${result.machine.node}; API, worker and dev server on this machine; ${result.formFields}-field form\n`,
  );
  console.log(formatWebReport(result.measurements));
  console.log(`\nresults: ${writeResults(resultsDir(), 'web', result)}`);
}

async function runBurst(): Promise<void> {
  const result = await burstBenchmark({ env: process.env, scale: benchScale(process.env), say });
  console.log(
    `\nDeadline burst — Postgres ${result.postgres.version} (${result.postgres.server}), scale ${result.scale}, ` +
      `${result.machine.cpus} CPUs, Node ${result.machine.node}; ${result.commitments} commitments in ` +
      `${result.cycles} cycles due in the same second, check-in grace ${result.graceSeconds} s, nobody checks in\n`,
  );
  console.log(formatBurstReport(result));
  console.log(`\nresults: ${writeResults(resultsDir(), 'burst', result)}`);
}

async function runMemory(): Promise<void> {
  const result = await memoryBenchmark({ env: process.env, scale: benchScale(process.env), say });
  console.log(
    `\nWorker memory — Postgres ${result.postgres.version} (${result.postgres.server}), scale ${result.scale}, ` +
      `${result.machine.cpus} CPUs, Node ${result.machine.node}; each measured on a fresh worker\n`,
  );
  console.log(formatMemoryReport(result));
  console.log(`\nresults: ${writeResults(resultsDir(), 'memory', result)}`);
}

async function runHistory(): Promise<void> {
  const result = await historyBenchmark({ env: process.env, scale: benchScale(process.env), say });
  console.log(
    `\nA year of events — Postgres ${result.postgres.version} (${result.postgres.server}), scale ${result.scale}, ` +
      `${result.machine.cpus} CPUs, Node ${result.machine.node}; ${result.events} events in ${result.cycles} ` +
      `cycles of ${result.reps} reps and ${result.managers} managers, appended at ` +
      `${result.append.perSecond.toFixed(0)} events/s\n`,
  );
  console.log(formatHistoryReport(result));
  console.log(`\nresults: ${writeResults(resultsDir(), 'history', result)}`);
}

async function runBuilder(): Promise<void> {
  const result = await builderBenchmark({ scale: benchScale(process.env), say });
  console.log(
    `\nForm builder in Chromium ${result.machine.chromium} — scale ${result.scale}, ${result.machine.cpus} CPUs, ` +
      `Node ${result.machine.node}; ${result.formFields}-field form\n`,
  );
  console.log(formatBuilderReport(result.measurements));
  console.log(`\nresults: ${writeResults(resultsDir(), 'builder', result)}`);
}

async function runNotify(): Promise<void> {
  const result = await notifyBenchmark({ env: process.env, scale: benchScale(process.env), say });
  console.log(
    `\nNotifications — Postgres ${result.postgres.version} (${result.postgres.server}), scale ${result.scale}, ` +
      `${result.machine.cpus} CPUs, Node ${result.machine.node}; worker (sender woken by NOTIFY, polling every ` +
      `${result.sender.pollMs} ms as a fallback, ${result.sender.batchesInFlight} batches of ` +
      `${result.sender.batchSize} in flight), API and dev server on this machine, SMTP server in the bench process\n`,
  );
  console.log(formatNotifyReport(result));
  console.log(`\nresults: ${writeResults(resultsDir(), 'notify', result)}`);
}

/** Benchmarks by the name given on the command line. */
const BENCHMARKS: Record<string, () => Promise<void>> = {
  'event-store': runEventStore,
  cycle: runCycle,
  load: runLoad,
  web: runWeb,
  burst: runBurst,
  memory: runMemory,
  notify: runNotify,
  history: runHistory,
  builder: runBuilder,
};

async function main(argv: string[]): Promise<number> {
  const name = argv[0];
  const run = name === undefined ? undefined : BENCHMARKS[name];
  if (!run) {
    console.error(
      `usage: npm run bench -- <${Object.keys(BENCHMARKS).join('|')}>   (BENCH_SCALE=<factor> for more or fewer appends)`,
    );
    return 2;
  }
  await run();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
