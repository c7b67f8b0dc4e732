import type { temporal } from '@temporalio/proto';
import { type LatencySummary, summarizeLatencies } from './cycle-report';
import { eventMs, typeOf } from './deadline-timer-path';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

const CHAIN_ACTIVITY = 'reportingChain';

/**
 * One workflow's read of the reporting chain ahead of its escalation's deadline, from its history (epoch ms):
 * the ordinary activity's schedule, start and close, the workflow task its close woke, the deadline's timer
 * firing, and whether the deadline's decision read the chain again (a local activity) because the read ahead
 * was not back.
 */
export interface ChainRead {
  /** How the read ahead closed; null when it was scheduled but had not closed when the history was read. */
  closedAs: 'completed' | 'timed-out' | 'failed' | null;
  scheduledMs: number;
  startedMs: number | null;
  closedMs: number | null;
  /** The start of the workflow task its close woke (when the workflow took the chain in). */
  wokeMs: number | null;
  /** The deadline's timer fired (the one started beside the read; none when the last step came after it). */
  deadlineFiredMs: number | null;
  /**
   * The deadline's decision read the chain again, by a local activity: the read ahead was not back, or the
   * last step came so late that it decided the deadline in the same task.
   */
  readAgain: boolean;
}

const ORDINARY_CLOSE: Record<string, ChainRead['closedAs']> = {
  EVENT_TYPE_ACTIVITY_TASK_COMPLETED: 'completed',
  EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT: 'timed-out',
  EVENT_TYPE_ACTIVITY_TASK_FAILED: 'failed',
};

/** The local activity a `core_local_activity` marker records, by its activity type. */
function localActivityType(event: HistoryEvent): string | null {
  const marker = event.markerRecordedEventAttributes;
  const data = marker?.markerName === 'core_local_activity' ? marker.details?.['data']?.payloads?.[0] : null;
  if (!data?.data) return null;
  const { activity_type: type } = JSON.parse(Buffer.from(data.data).toString('utf8')) as {
    activity_type?: string;
  };
  return type ?? null;
}

/** The last read of the chain ahead in `events` (a cycle's history), or null when it has none. */
export function chainReadOf(events: readonly HistoryEvent[]): ChainRead | null {
  const scheduledAt = events.findLastIndex(
    (event) =>
      typeOf(event) === 'EVENT_TYPE_ACTIVITY_TASK_SCHEDULED' &&
      event.activityTaskScheduledEventAttributes?.activityType?.name === CHAIN_ACTIVITY,
  );
  const scheduled = events[scheduledAt];
  if (!scheduled) return null;
  const id = scheduled.eventId;
  const after = events.slice(scheduledAt + 1);
  const ofRead = (event: HistoryEvent) => {
    const attributes =
      event.activityTaskStartedEventAttributes ??
      event.activityTaskCompletedEventAttributes ??
      event.activityTaskTimedOutEventAttributes ??
      event.activityTaskFailedEventAttributes;
    return attributes?.scheduledEventId?.toString() === id?.toString();
  };
  const started = after.find(
    (event) => typeOf(event) === 'EVENT_TYPE_ACTIVITY_TASK_STARTED' && ofRead(event),
  );
  const closedAt = after.findIndex((event) => typeOf(event) in ORDINARY_CLOSE && ofRead(event));
  const closed = after[closedAt];
  const woke = closed
    ? after.find((event, i) => i > closedAt && typeOf(event) === 'EVENT_TYPE_WORKFLOW_TASK_STARTED')
    : undefined;
  // The deadline's timer is the one the last step's task started beside the read.
  const timerId = after.find((event) => typeOf(event) === 'EVENT_TYPE_TIMER_STARTED')
    ?.timerStartedEventAttributes?.timerId;
  const firedAt = after.findIndex(
    (event) =>
      typeOf(event) === 'EVENT_TYPE_TIMER_FIRED' && event.timerFiredEventAttributes?.timerId === timerId,
  );
  const fired = after[firedAt];
  return {
    closedAs: closed ? (ORDINARY_CLOSE[typeOf(closed)] ?? null) : null,
    scheduledMs: eventMs(scheduled),
    startedMs: started ? eventMs(started) : null,
    closedMs: closed ? eventMs(closed) : null,
    wokeMs: woke ? eventMs(woke) : null,
    deadlineFiredMs: fired ? eventMs(fired) : null,
    readAgain: after.some((event) => localActivityType(event) === CHAIN_ACTIVITY),
  };
}

/** A burst's reads ahead: how many came back in time, and where their time went (ms from the deadline). */
export interface ChainReadsSummary {
  workflows: number;
  readAhead: number;
  completed: number;
  timedOut: number;
  /** Reads ahead started by a last step that woke at or after the deadline itself. */
  scheduledAfterDeadline: number;
  /** The deadline's decision read the chain again (the read ahead not back, or back after the deadline). */
  readAgainAtDeadline: number;
  /** Scheduled → started: the server's activity queue and the worker's activity slots. */
  scheduleToStart: LatencySummary;
  /** Started → closed: the read itself (the worker's Postgres pool). */
  startToClose: LatencySummary;
  /** The deadline → each completed read's wake-up started (negative: before the deadline). */
  wokeFromDeadline: LatencySummary;
  /** The deadline → its timer fired (the server's timer queue). */
  deadlineFiredFromDeadline: LatencySummary;
}

const known = (values: (number | null)[]): number[] =>
  values.filter((value): value is number => value !== null);

export function summarizeChainReads(
  reads: readonly (ChainRead | null)[],
  deadlineMs: number,
): ChainReadsSummary {
  const ahead = reads.filter((read): read is ChainRead => read !== null);
  const completed = ahead.filter((read) => read.closedAs === 'completed');
  return {
    workflows: reads.length,
    readAhead: ahead.length,
    completed: completed.length,
    timedOut: ahead.filter((read) => read.closedAs === 'timed-out').length,
    scheduledAfterDeadline: ahead.filter((read) => read.scheduledMs >= deadlineMs).length,
    readAgainAtDeadline: ahead.filter((read) => read.readAgain).length,
    scheduleToStart: summarizeLatencies(
      known(ahead.map((read) => (read.startedMs === null ? null : read.startedMs - read.scheduledMs))),
    ),
    startToClose: summarizeLatencies(
      known(completed.map((read) => (read.startedMs === null ? null : read.closedMs! - read.startedMs))),
    ),
    wokeFromDeadline: summarizeLatencies(
      known(completed.map((read) => (read.wokeMs === null ? null : read.wokeMs - deadlineMs))),
    ),
    deadlineFiredFromDeadline: summarizeLatencies(
      known(ahead.map((read) => (read.deadlineFiredMs === null ? null : read.deadlineFiredMs - deadlineMs))),
    ),
  };
}

/**
 * A workflow's history from `fromMs` on, one line an event: its time in ms from `originMs`, its type and
 * what it names (the activity, the local activity, the timer's length): where a slow one's time went.
 */
export function timelineOf(events: readonly HistoryEvent[], fromMs: number, originMs: number): string[] {
  return events
    .filter((event) => eventMs(event) >= fromMs)
    .map((event) => {
      const what =
        event.activityTaskScheduledEventAttributes?.activityType?.name ??
        localActivityType(event) ??
        timerLength(event);
      const at = Math.round(eventMs(event) - originMs);
      return `${at >= 0 ? '+' : ''}${at} ms ${typeOf(event).replace('EVENT_TYPE_', '')}${what ? ` ${what}` : ''}`;
    });
}

const timerLength = (event: HistoryEvent): string | null => {
  const timeout = event.timerStartedEventAttributes?.startToFireTimeout;
  return timeout
    ? `${Number(timeout.seconds ?? 0) * 1000 + Math.round((timeout.nanos ?? 0) / 1e6)} ms`
    : null;
};
