import { formatTable } from './format-table';
import type { HistoryBenchmarkResult } from './history.bench';

const ms = (value: number) => value.toFixed(1);

/** The history bench's table: query p99s against 50 ms, rebuild rates against the bare loop's. */
export function formatHistoryReport(result: HistoryBenchmarkResult): string {
  const query = (what: string, summary: HistoryBenchmarkResult['queries']['inboxOpen']) => [
    what,
    `${ms(summary.p50Ms)} / ${ms(summary.p99Ms)} ms`,
    '',
    '',
    '< 50 ms',
    summary.p99Ms < 50 ? 'met' : 'missed',
  ];
  const rows = [
    query('inbox page (open tasks) p50 / p99', result.queries.inboxOpen),
    query('inbox page (every status) p50 / p99', result.queries.inboxAll),
    query('cycle summary p50 / p99', result.queries.cycleSummary),
    query('cycle timeline p50 / p99', result.queries.cycleTimeline),
    ...result.rebuilds.map((entry) => {
      const ratio = entry.rebuild.perSecond / entry.bare.perSecond;
      return [
        `full rebuild of ${entry.projection}, events/s`,
        entry.rebuild.perSecond.toFixed(0),
        `bare read-and-insert ${entry.bare.perSecond.toFixed(0)}`,
        `${ratio.toFixed(2)}x`,
        '>= 0.5x',
        ratio >= 0.5 ? 'met' : 'missed',
      ];
    }),
  ];
  return formatTable(['measure', 'ours', 'baseline', 'ratio', 'target', ''], rows);
}
