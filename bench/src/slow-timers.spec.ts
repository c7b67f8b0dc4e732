import { temporal } from '@temporalio/proto';
import { timerPath } from './deadline-timer-path';
import { historyEventAt } from './history-event-at';
import type { SchedulerSampler } from './scheduler-sampler';
import { slowestTimers } from './slow-timers';

const T0 = 1_800_000_000_000;
const EventType = temporal.api.enums.v1.EventType;

const event = (
  ms: number,
  eventType: temporal.api.enums.v1.EventType,
  attributes: Record<string, unknown> = {},
) => historyEventAt(T0, ms, eventType, attributes);

// A wake-up at 1000 starts a 2000 ms timer 40 ms later; it fires at 3042 and the deciding task starts at 3045.
const waiting = (startDelay: number) => [
  event(1000, EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED),
  event(1000 + startDelay, EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED),
  event(1000 + startDelay, EventType.EVENT_TYPE_TIMER_STARTED, {
    timerStartedEventAttributes: { timerId: '1', startToFireTimeout: { seconds: 2 } },
  }),
  event(3002 + startDelay, EventType.EVENT_TYPE_TIMER_FIRED, { timerFiredEventAttributes: { timerId: '1' } }),
  event(3002 + startDelay, EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED),
  event(3005 + startDelay, EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED),
];

// Another workflow's task that recorded through a local activity from 1010 to 1030, during the slow start.
const recording = [
  event(1010, EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED),
  event(1030, EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED),
  event(1030, EventType.EVENT_TYPE_MARKER_RECORDED),
  event(2000, EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED),
  event(2001, EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED),
  event(2004, EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED),
];

const histories = new Map([
  ['slow', waiting(40)],
  ['quick', waiting(5)],
  ['recording', recording],
]);

const sampler: SchedulerSampler = {
  between: (fromMs, toMs) => ({
    byRole: { worker: { runMs: toMs - fromMs, waitMs: 0 } },
    runnableMax: 3,
    samplerLateMs: 0,
  }),
  stop: () => undefined,
};

const path = (workflowId: string) => {
  const found = timerPath(histories.get(workflowId) ?? [], T0 + 3100);
  if (!found) throw new Error(`no timer path in ${workflowId}`);
  return found;
};

describe('slowestTimers', () => {
  const rows = slowestTimers(
    [
      { kind: 'check-in opened', of: 'ours', workflowId: 'quick', path: path('quick') },
      { kind: 'check-in opened', of: 'ours', workflowId: 'slow', path: path('slow') },
    ],
    histories,
    sampler,
    1,
  );

  it('keeps the slowest paths of each kind and side', () => {
    expect(rows).toHaveLength(1);
    expect(rows[0]?.workflowId).toBe('slow');
    expect(rows[0]?.start.ms).toBeCloseTo(40, 3);
  });

  it("counts the other workflows' tasks in flight during a part, and those that ran a local activity", () => {
    // The quick workflow's wake-up (1000-1005) and the recording task (1010-1030).
    expect(rows[0]?.start.otherTasks).toBe(2);
    expect(rows[0]?.start.otherTasksWithLocalActivity).toBe(1);
    expect(rows[0]?.dispatch.otherTasks).toBe(0);
  });

  it("puts each part beside the processes' scheduler times over it", () => {
    expect(rows[0]?.start.scheduler?.byRole['worker']?.runMs).toBeCloseTo(40, 3);
  });
});
