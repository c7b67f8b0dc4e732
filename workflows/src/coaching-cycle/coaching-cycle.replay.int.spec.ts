import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { integrationEnv } from '@coachflow/testing';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { MIN_TIMER_MS } from './chain-ahead';
import { DEADLINE_TIMER_SUMMARY } from './deadline-alarm';

const HISTORIES = join(__dirname, '../../test/histories');
/** Histories recorded before the patch chain-ahead-long-timers: their timers may be shorter than a second. */
const RECORDED_BEFORE_LONG_TIMERS = [
  'before-registry-in-record',
  'before-deadline-alarm',
  'before-due-first',
  'before-chain-ahead',
  'before-chain-ahead-long-timers',
];
/** Histories recorded before the patch deadline-last-step: their deadline timers may start after a local activity. */
const RECORDED_BEFORE_LAST_STEP = [...RECORDED_BEFORE_LONG_TIMERS, 'before-deadline-last-step'];
const recordedSince = (before: readonly string[]) => (file: string) =>
  file.endsWith('.json') && !before.some((name) => file.startsWith(`${name}.`));

const readHistory = async (file: string) =>
  temporal.api.history.v1.History.fromObject(
    JSON.parse(await readFile(join(HISTORIES, file), 'utf8')) as Record<string, unknown>,
  );

/**
 * Determinism guard: histories recorded from real runs (workflows/test/histories, see workflows/README.md)
 * replayed against the current workflow bundle. A change that would make a running cycle take a different
 * path on replay fails here; such a change needs `patched()`.
 */
describe('coachingCycle replays its committed histories', () => {
  it('replays every history without a determinism violation', async () => {
    const files = (await readdir(HISTORIES)).filter((file) => file.endsWith('.json')).sort();
    // Histories recorded before each patch guard the cycles still running on the old path.
    expect(files).toEqual(
      expect.arrayContaining([
        'before-registry-in-record.escalation.json',
        'before-registry-in-record.happy-path.json',
        'before-deadline-alarm.escalation.json',
        'before-deadline-alarm.happy-path.json',
        'before-due-first.escalation.json',
        'before-due-first.happy-path.json',
        'before-chain-ahead.escalation.json',
        'before-chain-ahead.happy-path.json',
        'before-chain-ahead-long-timers.escalation.json',
        'before-chain-ahead-long-timers.happy-path.json',
        'before-deadline-last-step.escalation.json',
        'before-deadline-last-step.happy-path.json',
        'before-quiet-tick.escalation.json',
        'before-quiet-tick.happy-path.json',
        'before-chain-ahead-on-time.escalation.json',
        'before-chain-ahead-on-time.happy-path.json',
        'escalation.json',
        'happy-path.json',
      ]),
    );
    const histories = await Promise.all(
      files.map(async (file) => ({
        workflowId: file.replace(/\.json$/, ''),
        history: await readHistory(file),
      })),
    );
    for (const { history } of histories) expect(history.events.length).toBeGreaterThan(20);
    const results: { workflowId: string; error?: string }[] = [];
    for await (const result of Worker.runReplayHistories(
      { workflowBundle: { codePath: integrationEnv().workflowBundlePath } },
      histories,
    ))
      results.push({
        workflowId: result.workflowId,
        ...(result.error ? { error: String(result.error) } : {}),
      });
    expect(results).toEqual(files.map((file) => ({ workflowId: file.replace(/\.json$/, '') })));
  });

  // The server fires a shorter timer about a second after it started, late for the deadline it waits for.
  it('starts no timer shorter than the server keeps, in every history recorded since chain-ahead-long-timers', async () => {
    const files = (await readdir(HISTORIES)).filter(recordedSince(RECORDED_BEFORE_LONG_TIMERS));
    expect(files).toEqual(expect.arrayContaining(['escalation.json', 'happy-path.json']));
    const tooShort: string[] = [];
    for (const file of files) {
      const timers = (await readHistory(file)).events.flatMap((event) => {
        const timeout = event.timerStartedEventAttributes?.startToFireTimeout;
        return timeout ? [Number(timeout.seconds ?? 0) * 1000 + Math.round((timeout.nanos ?? 0) / 1e6)] : [];
      });
      expect(timers.length).toBeGreaterThan(3);
      tooShort.push(...timers.filter((ms) => ms < MIN_TIMER_MS).map((ms) => `${file}: ${ms} ms`));
    }
    expect(tooShort).toEqual([]);
  });

  // The server counts a timer from its workflow task's completion, the workflow from the task's start: a
  // timer started in a task that also ran a local activity fires that activity's duration late.
  it('starts every deadline timer in a workflow task that runs no local activity, since deadline-last-step', async () => {
    const files = (await readdir(HISTORIES)).filter(recordedSince(RECORDED_BEFORE_LAST_STEP));
    expect(files).toEqual(expect.arrayContaining(['escalation.json', 'happy-path.json']));
    const afterLocalActivity: string[] = [];
    const deadlineTimers = new Map<string, number>();
    for (const file of files) {
      const { events } = await readHistory(file);
      let localActivities = 0; // in the commands of the workflow task being read
      for (const event of events) {
        if (event.workflowTaskCompletedEventAttributes) localActivities = 0;
        if (event.markerRecordedEventAttributes?.markerName === 'core_local_activity') localActivities += 1;
        const summary = event.userMetadata?.summary?.data;
        if (!event.timerStartedEventAttributes || !summary) continue;
        if (JSON.parse(Buffer.from(summary).toString('utf8')) !== DEADLINE_TIMER_SUMMARY) continue;
        deadlineTimers.set(file, (deadlineTimers.get(file) ?? 0) + 1);
        if (localActivities > 0) afterLocalActivity.push(`${file}: event ${String(event.eventId)}`);
      }
    }
    // A deadline at least MIN_TIMER_MS + LAST_STEP_MS ahead when set gets a last step: the escalation's grace,
    // both climbs and its plan's end do.
    expect(deadlineTimers.get('escalation.json')).toBeGreaterThanOrEqual(3);
    expect(afterLocalActivity).toEqual([]);
  });
});
