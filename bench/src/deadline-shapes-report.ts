import { type LatencySummary, summarizeLatencies } from './cycle-report';
import type { TimerPath } from './deadline-timer-path';
import { formatTable } from './format-table';

/** The deadlines of the cycle bench's "deadline shapes" part, each timed from the moment it fell due. */
export const DEADLINE_KINDS = ['check-in opened', 'escalation level 1', 'escalation level 2'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** Lateness samples (ms) per kind of deadline. */
export type DeadlineLateness = Record<DeadlineKind, number[]>;

/**
 * Each deadline's lateness to its event, twice: `decided` to the event's own time (workflow time when the
 * workflow decided it, what a bare timer's wake-up matches) and `stored` to its recorded_at (the decision
 * plus the recording step).
 */
export interface ShapeLateness {
  decided: DeadlineLateness;
  stored: DeadlineLateness;
}

/** The issue's target: every deadline's decided lateness p99 at most this many times bare timers'. */
export const DEADLINE_P99_RATIO_TARGET = 1.2;

export interface DeadlineMeasure {
  lateness: LatencySummary;
  /** p99 against bare timers' p99. */
  p99Ratio: number;
}

export interface DeadlineShapeRow {
  kind: DeadlineKind;
  bare: LatencySummary;
  decided: DeadlineMeasure;
  /** For information: the target is judged on `decided`. */
  stored: DeadlineMeasure;
  met: boolean;
}

/** Each kind's lateness beside bare sleep() timers waiting the same shape, and whether it meets the target. */
export function summarizeDeadlineShapes(ours: ShapeLateness, bare: DeadlineLateness): DeadlineShapeRow[] {
  return DEADLINE_KINDS.map((kind) => {
    const baseline = summarizeLatencies(bare[kind]);
    const measure = (samples: number[]): DeadlineMeasure => {
      const lateness = summarizeLatencies(samples);
      return { lateness, p99Ratio: lateness.p99Ms / baseline.p99Ms };
    };
    const decided = measure(ours.decided[kind]);
    const stored = measure(ours.stored[kind]);
    return { kind, bare: baseline, decided, stored, met: decided.p99Ratio <= DEADLINE_P99_RATIO_TARGET };
  });
}

const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : '-');

/** Two lines per kind: decided (judged against the target), then stored (for information). */
export function formatDeadlineShapes(rows: readonly DeadlineShapeRow[]): string {
  const line = (row: DeadlineShapeRow, to: 'decided' | 'stored', met: string) => {
    const { lateness, p99Ratio } = row[to];
    return [
      row.kind,
      to,
      String(lateness.count),
      fixed(lateness.p50Ms, 1),
      fixed(lateness.p99Ms, 1),
      String(row.bare.count),
      fixed(row.bare.p50Ms, 1),
      fixed(row.bare.p99Ms, 1),
      `${fixed(p99Ratio, 2)}x`,
      met,
    ];
  };
  return formatTable(
    ['deadline lateness (ms)', 'to', 'n', 'p50', 'p99', 'bare n', 'bare p50', 'bare p99', 'p99 ratio', 'met'],
    rows.flatMap((row) => [line(row, 'decided', row.met ? 'yes' : 'NO'), line(row, 'stored', '(info)')]),
  );
}

/** The timer path (see deadline-timer-path.ts) of each decision of one kind, ours or the bare timers'. */
export type TimerPaths = Record<DeadlineKind, TimerPath[]>;

export interface TimerPathRow {
  kind: DeadlineKind;
  of: 'ours' | 'bare';
  startDelay: LatencySummary;
  fireDelay: LatencySummary;
  dispatch: LatencySummary;
}

/** Per kind, ours then bare: where each timer that woke a decision lost its milliseconds. */
export function summarizeTimerPaths(ours: TimerPaths, bare: TimerPaths): TimerPathRow[] {
  const row = (kind: DeadlineKind, of: 'ours' | 'bare', paths: TimerPath[]): TimerPathRow => ({
    kind,
    of,
    startDelay: summarizeLatencies(paths.map((path) => path.startDelayMs)),
    fireDelay: summarizeLatencies(paths.map((path) => path.fireDelayMs)),
    dispatch: summarizeLatencies(paths.map((path) => path.dispatchMs)),
  });
  return DEADLINE_KINDS.flatMap((kind) => [row(kind, 'ours', ours[kind]), row(kind, 'bare', bare[kind])]);
}

export function formatTimerPaths(rows: readonly TimerPathRow[]): string {
  const both = (summary: LatencySummary) => `${fixed(summary.p50Ms, 1)} / ${fixed(summary.p99Ms, 1)}`;
  return formatTable(
    ['timer that woke the decision (ms)', 'of', 'n', 'start delay p50 / p99', 'fire delay', 'dispatch'],
    rows.map((row) => [
      row.kind,
      row.of,
      String(row.startDelay.count),
      both(row.startDelay),
      both(row.fireDelay),
      both(row.dispatch),
    ]),
  );
}
