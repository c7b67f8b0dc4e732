import { formatTable } from './format-table';
import type { MemoryBenchmarkResult, WorkerMemory } from './memory.bench';

const mib = (value: number) => value.toFixed(1);

/** The memory bench's table: the worker's RSS per 1,000 open cycles beside per 1,000 bare waiting workflows. */
export function formatMemoryReport(result: MemoryBenchmarkResult): string {
  const row = (what: string, memory: WorkerMemory) => [
    what,
    String(memory.count),
    mib(memory.idleRssMiB),
    mib(memory.loadedRssMiB),
    mib(memory.perThousandMiB),
  ];
  const ratio = result.cycles.perThousandMiB / result.bare.perThousandMiB;
  const perTenThousand = result.cycles.perThousandMiB * 10;
  return [
    formatTable(
      ['worker holding', 'count', 'idle RSS MiB', 'loaded RSS MiB', 'MiB per 1,000'],
      [row('open cycles waiting on timers', result.cycles), row('bare waiting workflows', result.bare)],
    ),
    '',
    `ratio ${ratio.toFixed(2)}x (target <= 2x: ${ratio <= 2 ? 'met' : 'missed'}); ` +
      `a worker caching 10,000 cycles needs about ${perTenThousand.toFixed(0)} MiB above its idle RSS ` +
      `(sticky cache ${result.workflowCacheSize} for this run)`,
  ].join('\n');
}
