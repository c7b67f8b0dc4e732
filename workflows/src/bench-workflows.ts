// The bundle entry for benchmark workers: the product's workflows plus the bare baselines the benches
// compare them with. Production workers never load these (see workflows.ts).
export * from './workflows';
export { benchFieldHolder, benchNoop, benchRecordingHolder, benchSleeper } from './bench/bench.workflows';
