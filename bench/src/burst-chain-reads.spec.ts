import { temporal } from '@temporalio/proto';
import { chainReadOf, summarizeChainReads, timelineOf } from './burst-chain-reads';
import { historyEventAt } from './history-event-at';

const T0 = 1_800_000_000_000;
const EventType = temporal.api.enums.v1.EventType;

let nextId = 1;
const event = (
  ms: number,
  eventType: temporal.api.enums.v1.EventType,
  attributes: Record<string, unknown> = {},
) => historyEventAt(T0, ms, eventType, { eventId: nextId++, ...attributes });

const localActivity = (ms: number, activityType: string) =>
  event(ms, EventType.EVENT_TYPE_MARKER_RECORDED, {
    markerRecordedEventAttributes: {
      markerName: 'core_local_activity',
      details: {
        data: { payloads: [{ data: Buffer.from(JSON.stringify({ seq: 1, activity_type: activityType })) }] },
      },
    },
  });

/**
 * The grace's last step at -1500 ms (from the deadline at 0): the read ahead scheduled beside the deadline's
 * timer; `close` closes the read; the timer fires at +5 and the deciding task records, reading the chain
 * again when `readAgain`.
 */
function lastStep(
  close: (scheduledEventId: number) => temporal.api.history.v1.HistoryEvent[],
  readAgain: boolean,
) {
  nextId = 1;
  const events = [
    event(-1500, EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED),
    event(-1490, EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED),
    event(-1490, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, {
      activityTaskScheduledEventAttributes: { activityType: { name: 'reportingChain' } },
    }),
    event(-1490, EventType.EVENT_TYPE_TIMER_STARTED, {
      timerStartedEventAttributes: { timerId: '7', startToFireTimeout: { seconds: 1, nanos: 490_000_000 } },
    }),
  ];
  events.push(...close(3));
  events.push(
    event(5, EventType.EVENT_TYPE_TIMER_FIRED, { timerFiredEventAttributes: { timerId: '7' } }),
    event(5, EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED),
    event(8, EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED),
    event(30, EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED),
    ...(readAgain ? [localActivity(30, 'reportingChain')] : []),
    localActivity(30, 'recordCycleEvents'),
  );
  return events;
}

const completedAt = (startMs: number, closeMs: number) => (scheduledEventId: number) => [
  event(startMs, EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED, {
    activityTaskStartedEventAttributes: { scheduledEventId },
  }),
  event(closeMs, EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED, {
    activityTaskCompletedEventAttributes: { scheduledEventId },
  }),
  event(closeMs, EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED),
  event(closeMs + 40, EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED),
  event(closeMs + 50, EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED),
];

const timedOut = (scheduledEventId: number) => [
  event(3500, EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT, {
    activityTaskTimedOutEventAttributes: { scheduledEventId },
  }),
];

describe('the burst reads of the chain ahead, from histories', () => {
  it('follows a read back in time: queued, read, and the wake-up it caused before the deadline', () => {
    const read = chainReadOf(lastStep(completedAt(-1200, -1190), false));
    expect(read).toEqual({
      closedAs: 'completed',
      scheduledMs: T0 - 1490,
      startedMs: T0 - 1200,
      closedMs: T0 - 1190,
      wokeMs: T0 - 1150,
      deadlineFiredMs: T0 + 5,
      readAgain: false,
    });
  });

  it('counts a read that came back after the deadline, and one that timed out, as read again', () => {
    const late = chainReadOf(lastStep(completedAt(-100, 200), true));
    const lost = chainReadOf(lastStep(timedOut, true));
    expect(late).toMatchObject({ closedAs: 'completed', readAgain: true });
    expect(lost).toMatchObject({ closedAs: 'timed-out', startedMs: null, readAgain: true });
    const inTime = chainReadOf(lastStep(completedAt(-1200, -1190), false));
    const summary = summarizeChainReads([inTime, late, lost, null], T0);
    expect(summary).toMatchObject({
      workflows: 4,
      readAhead: 3,
      completed: 2,
      timedOut: 1,
      scheduledAfterDeadline: 0,
      readAgainAtDeadline: 2,
    });
    expect(summary.scheduleToStart.maxMs).toBeCloseTo(1390);
    expect(summary.wokeFromDeadline.maxMs).toBeCloseTo(240);
    expect(summary.deadlineFiredFromDeadline.p50Ms).toBeCloseTo(5);
  });

  it('counts a last step that woke after its deadline: its read started, its decision read the chain itself', () => {
    nextId = 1;
    const late = [
      event(900, EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED),
      event(950, EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED),
      event(950, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, {
        activityTaskScheduledEventAttributes: { activityType: { name: 'reportingChain' } },
      }),
      localActivity(950, 'reportingChain'),
      localActivity(950, 'recordCycleEvents'),
    ];
    const read = chainReadOf(late);
    expect(read).toMatchObject({ deadlineFiredMs: null, closedAs: null, readAgain: true });
    expect(summarizeChainReads([read], T0)).toMatchObject({
      scheduledAfterDeadline: 1,
      readAgainAtDeadline: 1,
    });
  });

  it('has no read ahead in a history without one', () => {
    nextId = 1;
    expect(chainReadOf([event(0, EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED)])).toBeNull();
  });

  it('lines up a history from a moment on, in ms from the deadline', () => {
    const lines = timelineOf(lastStep(timedOut, true), T0 - 1490, T0);
    expect(lines.slice(0, 3)).toEqual([
      '-1490 ms WORKFLOW_TASK_COMPLETED',
      '-1490 ms ACTIVITY_TASK_SCHEDULED reportingChain',
      '-1490 ms TIMER_STARTED 1490 ms',
    ]);
    expect(lines.at(-2)).toBe('+30 ms MARKER_RECORDED reportingChain');
  });
});
