import type { BurstBenchmarkResult, BurstFigure } from './burst.bench';
import { formatTable } from './format-table';

const seconds = (ms: number) => (ms / 1000).toFixed(2);

/** The burst bench's table: each burst's time until all were done, beside the bare timers' of the same run. */
export function formatBurstReport(result: BurstBenchmarkResult): string {
  const bare = result.bareTimers;
  const row = (what: string, figure: BurstFigure) => {
    const ratio = figure.allDoneMs / bare.allDoneMs;
    return [
      what,
      String(figure.count),
      seconds(figure.allDoneMs),
      `${seconds(figure.lateness.p50Ms)} / ${seconds(figure.lateness.p99Ms)}`,
      seconds(bare.allDoneMs),
      `${ratio.toFixed(2)}x`,
      '<= 1.5x',
      ratio <= 1.5 ? 'met' : 'missed',
    ];
  };
  return formatTable(
    ['burst', 'count', 'all done s', 'p50 / p99 s', 'bare timers all fired s', 'ratio', 'target', ''],
    [
      row('commitments due → check-in task in the inbox', result.checkIns),
      row('grace over → escalation stored', result.escalations),
    ],
  );
}
