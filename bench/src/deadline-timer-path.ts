import { temporal } from '@temporalio/proto';

/**
 * Where the timer that woke a deadline's decision lost its milliseconds, read from the workflow's history:
 * - `startDelayMs`: its TimerStarted after the start of the workflow task that computed its length. The
 *   server counts the timer from TimerStarted (the task's completion), the workflow from the task's start,
 *   so the timer fires this much after the moment it was aimed at.
 * - `fireDelayMs`: TimerFired after TimerStarted + its length (the server's timer queue).
 * - `dispatchMs`: the deciding workflow task's start after TimerFired (matching, the poll, the worker).
 * `lengthMs` is the timer's own length: the server fires one under a second about a second after it started.
 * The epoch times of its steps (`at`) let the bench line each part up with what else ran meanwhile.
 */
export interface TimerPath {
  lengthMs: number;
  startDelayMs: number;
  fireDelayMs: number;
  dispatchMs: number;
  at: { aimingTaskStarted: number; timerStarted: number; timerFired: number; decidingTaskStarted: number };
}

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
const EventType = {
  started: 'EVENT_TYPE_WORKFLOW_TASK_STARTED',
  timerStarted: 'EVENT_TYPE_TIMER_STARTED',
  timerFired: 'EVENT_TYPE_TIMER_FIRED',
} as const;

/** An event's time in epoch ms, with its sub-millisecond part. */
export function eventMs(event: HistoryEvent): number {
  const time = event.eventTime;
  return time ? Number(time.seconds ?? 0) * 1000 + (time.nanos ?? 0) / 1e6 : Number.NaN;
}

// Histories fetched by the client carry the enum's number, histories read from JSON may carry its name.
export const typeOf = (event: HistoryEvent): string =>
  typeof event.eventType === 'number'
    ? (temporal.api.enums.v1.EventType[event.eventType] ?? '')
    : String(event.eventType ?? '');

const durationMs = (duration: temporal.api.history.v1.ITimerStartedEventAttributes['startToFireTimeout']) =>
  Number(duration?.seconds ?? 0) * 1000 + (duration?.nanos ?? 0) / 1e6;

/**
 * The path of the timer that woke the workflow task in which the workflow decided at `decidedAtMs` (its
 * workflow time: the task's start, in whole ms); null when no timer woke that task.
 */
export function timerPath(events: readonly HistoryEvent[], decidedAtMs: number): TimerPath | null {
  // The deciding task: the last one started by the decision's millisecond.
  let deciding = -1;
  for (const [i, event] of events.entries())
    if (typeOf(event) === EventType.started && Math.floor(eventMs(event)) <= decidedAtMs) deciding = i;
  if (deciding < 0) return null;
  // The timer that fired before that task was scheduled, with nothing but the schedule in between.
  const fired = events[deciding - 2];
  if (!fired || typeOf(fired) !== EventType.timerFired) return null;
  const timerId = fired.timerFiredEventAttributes?.timerId;
  const startedAt = events.findLastIndex(
    (event, i) =>
      i < deciding - 2 &&
      typeOf(event) === EventType.timerStarted &&
      event.timerStartedEventAttributes?.timerId === timerId,
  );
  const started = events[startedAt];
  const aimingTask = events.findLast((event, i) => i < startedAt && typeOf(event) === EventType.started);
  const decidingTask = events[deciding];
  if (!started || !aimingTask || !decidingTask) return null;
  const length = durationMs(started.timerStartedEventAttributes?.startToFireTimeout);
  const at = {
    aimingTaskStarted: eventMs(aimingTask),
    timerStarted: eventMs(started),
    timerFired: eventMs(fired),
    decidingTaskStarted: eventMs(decidingTask),
  };
  return {
    lengthMs: length,
    startDelayMs: at.timerStarted - at.aimingTaskStarted,
    fireDelayMs: at.timerFired - (at.timerStarted + length),
    dispatchMs: at.decidingTaskStarted - at.timerFired,
    at,
  };
}
