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
    ...result.rebuilds.flatMap((entry) => {
      const ratio = entry.rebuild.perSecond / entry.bare.perSecond;
      const rows = [
        [
          `full rebuild of ${entry.projection}, events/s`,
          entry.rebuild.perSecond.toFixed(0),
          `bare read-and-insert ${entry.bare.perSecond.toFixed(0)}`,
          `${ratio.toFixed(2)}x`,
          '>= 0.5x',
          ratio >= 0.5 ? 'met' : 'missed',
        ],
      ];
      const cpu = entry.cpuMsPerThousand;
      // The same comparison by CPU (bare ÷ ours, so above 1 is cheaper than the bare loop): it holds when the
      // machine's load differs between the two phases, which moves their rates apart.
      if (cpu)
        rows.push([
          `  CPU ms per 1,000 events (bench + Postgres)`,
          cpu.rebuild.toFixed(0),
          `bare ${cpu.bare.toFixed(0)}`,
          `${(cpu.bare / cpu.rebuild).toFixed(2)}x`,
          '',
          '',
        ]);
      return rows;
    }),
  ];
  return formatTable(['measure', 'ours', 'baseline', 'ratio', 'target', ''], rows);
}
