import type { BurstBenchmarkResult, BurstFigure } from './burst.bench';
import { formatTable } from './format-table';

const seconds = (ms: number) => (ms / 1000).toFixed(2);

/**
 * The burst bench's table: each burst's time until all were done, beside the bare timers' of the same run,
 * then where the check-ins' time went (stored by the workflows, then projected into the inbox).
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
  const toInbox = result.storedToInbox;
  return [
    formatTable(
      ['burst', 'count', 'all done s', 'p50 / p99 s', 'bare timers all fired s', 'ratio', 'target', ''],
      [
        row('commitments due → check-in task in the inbox', result.checkIns, true),
        row('of which: due → check-in TaskOpened stored', result.checkInsStored, false),
        row('grace over → escalation stored', result.escalations, true),
      ],
    ),
    `check-in TaskOpened stored → inbox row seen (20 ms poll): p50 ${seconds(toInbox.p50Ms)} s, ` +
      `p99 ${seconds(toInbox.p99Ms)} s, max ${seconds(toInbox.maxMs)} s`,
  ].join('\n');
}
