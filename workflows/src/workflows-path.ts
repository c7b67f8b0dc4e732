/** Path of the module a Temporal worker bundles: it exports every workflow function. */
export const WORKFLOWS_PATH: string = require.resolve('./workflows');

/** Path of the benchmarks' bundle entry: every workflow function plus the bare baselines (bench/). */
export const BENCH_WORKFLOWS_PATH: string = require.resolve('./bench-workflows');
