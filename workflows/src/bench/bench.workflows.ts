import {
  condition,
  defineQuery,
  defineUpdate,
  proxyLocalActivities,
  setHandler,
  sleep,
} from '@temporalio/workflow';
import { type CoachingCycleActivities, CYCLE_LOCAL_ACTIVITY_OPTIONS } from '../coaching-cycle/activities';

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

// The cycle's own recording activity, with the cycle's options.
const local = proxyLocalActivities<Pick<CoachingCycleActivities, 'recordCycleEvents'>>(
  CYCLE_LOCAL_ACTIVITY_OPTIONS,
);

/**
 * Like benchFieldHolder, but each Update first appends one event to `streamId` through the cycle's
 * `recordCycleEvents` local activity: the floor of any Update that answers only once what it decided is
 * stored, as a task completion does.
 */
export async function benchRecordingHolder(streamId: string): Promise<number> {
  let field = 0;
  let version = 0;
  let stopped = false;
  setHandler(benchSetFieldUpdate, async (value) => {
    const next = version + 1;
    await local.recordCycleEvents({
      streamId,
      events: [{ id: `${streamId}/${next}`, type: 'BenchFieldSet', data: { value } }],
      expectedVersion: version,
    });
    version = next;
    return (field = value);
  });
  setHandler(benchStopUpdate, () => {
    stopped = true;
  });
  await condition(() => stopped);
  return field;
}

/**
 * Sleeps until `dueAt` (epoch ms), then reports when it woke: the bare-timer baseline. It waits as a cycle
 * waits for a missed check-in, with absolute due times: one timer to `dueAt - lastStepMs` (the commitment's
 * due), then one for the last `lastStepMs` (the check-in grace).
 */
export async function benchSleeper(
  dueAt: number,
  lastStepMs: number,
): Promise<{ dueAt: number; firedAt: number }> {
  await sleep(Math.max(1, Math.ceil(dueAt - lastStepMs - Date.now())));
  await sleep(Math.max(1, Math.ceil(dueAt - Date.now())));
  return { dueAt, firedAt: Date.now() };
}

/** Does nothing: the start-and-complete baseline. */
export async function benchNoop(): Promise<void> {
  // Intentionally empty.
}
