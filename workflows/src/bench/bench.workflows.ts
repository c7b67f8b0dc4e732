import { condition, defineQuery, defineUpdate, setHandler, sleep, workflowInfo } from '@temporalio/workflow';

// Baselines for `npm run bench -- cycle`: the least a workflow can do, on the same worker and server as the
// coaching cycle, so the benchmark can report the cycle's costs as ratios of Temporal's own.

/** Sets the workflow's one field; resolves once it is set (no activity, no I/O). */
export const benchSetFieldUpdate = defineUpdate<number, [number]>('benchSetField');
export const benchStopUpdate = defineUpdate<void, []>('benchStop');
export const benchFieldQuery = defineQuery<number>('benchField');

/** Holds one field that updates set, until told to stop: the bare-Update baseline. */
export async function benchFieldHolder(): Promise<number> {
  let field = 0;
  let stopped = false;
  setHandler(benchSetFieldUpdate, (value) => (field = value));
  setHandler(benchStopUpdate, () => {
    stopped = true;
  });
  setHandler(benchFieldQuery, () => field);
  await condition(() => stopped);
  return field;
}

/** Sleeps `ms`, then reports when its timer was due and when the workflow woke: the bare-timer baseline. */
export async function benchSleeper(ms: number): Promise<{ dueAt: number; firedAt: number }> {
  const dueAt = workflowInfo().runStartTime.getTime() + ms;
  await sleep(ms);
  return { dueAt, firedAt: Date.now() };
}

/** Does nothing: the start-and-complete baseline. */
export async function benchNoop(): Promise<void> {
  // Intentionally empty.
}
