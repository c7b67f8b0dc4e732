import { temporal } from '@temporalio/proto';
import { timerPath } from './deadline-timer-path';
import { historyEventAt } from './history-event-at';

const T0 = 1_800_000_000_000;
const EventType = temporal.api.enums.v1.EventType;

/** An event `ms` after T0 (with a sub-millisecond part, as the server records them). */
const event = (
  ms: number,
  eventType: temporal.api.enums.v1.EventType,
  attributes: Record<string, unknown> = {},
) => historyEventAt(T0, ms, eventType, attributes);

// A task started at 1000.4 ms computes a 2000 ms timer, recording through a local activity until 1030.4, so
// the timer starts 30 ms after the moment it was computed from; it fires 2.5 ms after its length, and the
// task that decides starts 3 ms after that.
const history = [
  event(1000.4, EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED),
  event(1030.4, EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED),
  event(1030.4, EventType.EVENT_TYPE_MARKER_RECORDED),
  event(1030.4, EventType.EVENT_TYPE_TIMER_STARTED, {
    timerStartedEventAttributes: { timerId: '7', startToFireTimeout: { seconds: 2, nanos: 0 } },
  }),
  event(1500, EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED),
  event(1500.2, EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED),
  event(1510, EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED),
  event(3032.9, EventType.EVENT_TYPE_TIMER_FIRED, { timerFiredEventAttributes: { timerId: '7' } }),
  event(3032.9, EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED),
  event(3035.9, EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED),
  event(3060, EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED),
];

describe('timerPath', () => {
  it('splits the lateness of the timer that woke a decision into start delay, fire delay and dispatch', () => {
    const path = timerPath(history, T0 + 3035);
    expect(path?.lengthMs).toBe(2000);
    expect(path?.startDelayMs).toBeCloseTo(30, 3);
    expect(path?.fireDelayMs).toBeCloseTo(2.5, 3);
    expect(path?.dispatchMs).toBeCloseTo(3, 3);
    expect(path?.at.aimingTaskStarted).toBeCloseTo(T0 + 1000.4, 3);
    expect(path?.at.decidingTaskStarted).toBeCloseTo(T0 + 3035.9, 3);
  });

  it('finds no timer for a decision in a task an update woke', () => {
    expect(timerPath(history, T0 + 1500)).toBeNull();
  });

  it('reads histories whose event types are names, as JSON files carry them', () => {
    const named = history.map((entry) => ({
      ...entry,
      eventType: EventType[entry.eventType as number] as unknown as temporal.api.enums.v1.EventType,
    }));
    expect(timerPath(named, T0 + 3035)?.startDelayMs).toBeCloseTo(30, 3);
  });
});
