import type { BurstBenchmarkResult, BurstFigure } from './burst.bench';
import type { ChainReadsSummary } from './burst-chain-reads';
import type { LatencySummary } from './cycle-report';
import { formatTable } from './format-table';
import type { SchedulerStretch } from './scheduler-sampler';

const seconds = (ms: number) => (ms / 1000).toFixed(2);

/**
 * The burst bench's table: each burst's time until all were done, beside the bare timers' of the same run,
 * then where the check-ins' time went (stored by the workflows, then projected into the inbox), where the
 * escalations' went (decided, then stored), what became of the reads of the chain ahead, each process's
 * time on a core in both bursts and the load average along the run.
 */
export function formatBurstReport(result: BurstBenchmarkResult): string {
  const bare = result.bareTimers;
  const row = (what: string, figure: BurstFigure, judged: boolean) => {
    const ratio = figure.allDoneMs / bare.allDoneMs;
    return [
      what,
      String(figure.count),
      seconds(figure.allDoneMs),
      `${seconds(figure.lateness.p50Ms)} / ${seconds(figure.lateness.p99Ms)}`,
      seconds(bare.allDoneMs),
      `${ratio.toFixed(2)}x`,
      judged ? '<= 1.5x' : '',
      judged ? (ratio <= 1.5 ? 'met' : 'missed') : '',
    ];
  };
  return [
    formatTable(
      ['burst', 'count', 'all done s', 'p50 / p99 s', 'bare timers all fired s', 'ratio', 'target', ''],
      [
        row('commitments due → check-in task in the inbox', result.checkIns, true),
        row('of which: due → check-in TaskOpened stored', result.checkInsStored, false),
        row('grace over → escalation stored', result.escalations, true),
        row('of which: grace over → EscalationRaised decided', result.escalationsDecided, false),
      ],
    ),
    `check-in TaskOpened stored → inbox row seen (20 ms poll): ${spread(result.storedToInbox)}`,
    `EscalationRaised decided → stored: ${spread(result.decidedToStored)}`,
    chainReadsLine(result.chainReads),
    ...schedulerLines(result),
    `load average: ${result.loadAverages.map((load) => `${load.loadAverage.toFixed(2)} (${load.at})`).join(', ')}`,
    `the slowest escalation's workflow (${result.slowestEscalation.workflowId}), ms from the grace's end:`,
    ...result.slowestEscalation.timeline.map((line) => `  ${line}`),
  ].join('\n');
}

const spread = (summary: LatencySummary) =>
  `p50 ${seconds(summary.p50Ms)} s, p99 ${seconds(summary.p99Ms)} s, max ${seconds(summary.maxMs)} s`;

function chainReadsLine(reads: ChainReadsSummary): string {
  return [
    `reads of the chain ahead: ${reads.readAhead} of ${reads.workflows} workflows, ${reads.completed} completed, ` +
      `${reads.timedOut} timed out; ${reads.scheduledAfterDeadline} started by a last step after the deadline; ` +
      `${reads.readAgainAtDeadline} read again at the deadline`,
    `  scheduled → started ${spread(reads.scheduleToStart)}`,
    `  started → completed ${spread(reads.startToClose)}`,
    `  the deadline → the completion's wake-up ${spread(reads.wokeFromDeadline)}`,
    `  the deadline → its timer fired ${spread(reads.deadlineFiredFromDeadline)}`,
  ].join('\n');
}

function schedulerLines(result: BurstBenchmarkResult): string[] {
  const line = (what: string, stretch: SchedulerStretch | null) =>
    `${what}: ` +
    (stretch
      ? Object.entries(stretch.byRole)
          .map(([role, { runMs, waitMs }]) => `${role} ${Math.round(runMs)} / ${Math.round(waitMs)}`)
          .join(', ') + `; at most ${stretch.runnableMax} threads runnable`
      : 'not sampled');
  return [
    "each process's threads' ms on a core / waiting for one,",
    line("  from the grace's last step to the last escalation stored", result.scheduler.escalations),
    line("  from the bare timers' last 1.5 s to the last fired", result.scheduler.bareTimers),
  ];
}
