import type { WritersRun } from './run-writers';

/** Several runs of the same writers taken as one: wall times add up, latencies pool together. */
export function mergeRuns(runs: readonly WritersRun[]): WritersRun {
  return {
    wallMs: runs.reduce((total, run) => total + run.wallMs, 0),
    latenciesMs: runs.flatMap((run) => run.latenciesMs),
  };
}
