import { type LatencySummary, summarizeLatencies } from './cycle-report';
import { formatTable } from './format-table';

/** The deadlines of the cycle bench's "deadline shapes" part, each timed from the moment it fell due. */
export const DEADLINE_KINDS = ['check-in opened', 'escalation level 1', 'escalation level 2'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** Lateness samples (ms) per kind of deadline. */
export type DeadlineLateness = Record<DeadlineKind, number[]>;

/** The issue's target: every deadline's lateness p99 at most this many times bare timers'. */
export const DEADLINE_P99_RATIO_TARGET = 1.2;

export interface DeadlineShapeRow {
  kind: DeadlineKind;
  ours: LatencySummary;
  bare: LatencySummary;
  p99Ratio: number;
  met: boolean;
}

/** Each kind's lateness beside bare sleep() timers waiting the same shape, and whether it meets the target. */
export function summarizeDeadlineShapes(ours: DeadlineLateness, bare: DeadlineLateness): DeadlineShapeRow[] {
  return DEADLINE_KINDS.map((kind) => {
    const summary = summarizeLatencies(ours[kind]);
    const baseline = summarizeLatencies(bare[kind]);
    const p99Ratio = summary.p99Ms / baseline.p99Ms;
    return { kind, ours: summary, bare: baseline, p99Ratio, met: p99Ratio <= DEADLINE_P99_RATIO_TARGET };
  });
}

const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : '-');

export function formatDeadlineShapes(rows: readonly DeadlineShapeRow[]): string {
  return formatTable(
    ['deadline lateness (ms)', 'n', 'p50', 'p99', 'bare n', 'bare p50', 'bare p99', 'p99 ratio', 'met'],
    rows.map((row) => [
      row.kind,
      String(row.ours.count),
      fixed(row.ours.p50Ms, 1),
      fixed(row.ours.p99Ms, 1),
      String(row.bare.count),
      fixed(row.bare.p50Ms, 1),
      fixed(row.bare.p99Ms, 1),
      `${fixed(row.p99Ratio, 2)}x`,
      row.met ? 'yes' : 'NO',
    ]),
  );
}
