import { percentile } from './percentile';
import type { WritersRun } from './run-writers';

export interface RunSummary {
  appends: number;
  events: number;
  wallMs: number;
  appendsPerSec: number;
  eventsPerSec: number;
  p50Ms: number;
  p99Ms: number;
}

/** Throughput over the run's wall time and latency percentiles of its appends. */
export function summarizeRun(run: WritersRun, eventsPerAppend: number): RunSummary {
  const appends = run.latenciesMs.length;
  const seconds = run.wallMs / 1000;
  return {
    appends,
    events: appends * eventsPerAppend,
    wallMs: run.wallMs,
    appendsPerSec: appends / seconds,
    eventsPerSec: (appends * eventsPerAppend) / seconds,
    p50Ms: percentile(run.latenciesMs, 50),
    p99Ms: percentile(run.latenciesMs, 99),
  };
}
