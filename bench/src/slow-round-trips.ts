import { formatTable } from './format-table';
import type { RoundTripTimeline } from './round-trip-timeline';
import type { SchedulerSampler, SchedulerStretch } from './scheduler-sampler';

/** One of a steady phase's slowest operations, beside what the machine's processes did meanwhile. */
export interface SlowOperation {
  /** What it was (the task completed), if the spans said. */
  label?: string;
  /** When it began, seconds into the phase. */
  atS: number;
  totalMs: number;
  /** A round trip's parts (ms): the POST's path, then the next task's; absent for a floor Update. */
  parts?: RoundTripParts;
  /** Operations of the same phase in flight beside it at its start. */
  inFlight: number;
  scheduler: SchedulerStretch | null;
}

/** A round trip's successive stretches (ms); `announced` is NaN when the inbox held the task at once. */
export interface RoundTripParts {
  decided: number;
  recorded: number;
  answered: number;
  projecting: number;
  announced: number;
  visible: number;
}

/** An operation's span in epoch milliseconds. */
export interface Span {
  fromMs: number;
  toMs: number;
  label?: string;
}

/**
 * The `count` slowest of `spans`, each with when it began (from the phase's first start), what else was in
 * flight, and its processes' run and wait times from the sampler.
 */
export function slowestOperations<T extends Span>(
  spans: readonly T[],
  sampler: SchedulerSampler,
  count: number,
  partsOf: (span: T) => RoundTripParts | undefined = () => undefined,
): SlowOperation[] {
  const phaseStartMs = Math.min(...spans.map((span) => span.fromMs));
  return [...spans]
    .sort((a, b) => b.toMs - b.fromMs - (a.toMs - a.fromMs))
    .slice(0, count)
    .map((span) => ({
      label: span.label,
      atS: (span.fromMs - phaseStartMs) / 1000,
      totalMs: span.toMs - span.fromMs,
      parts: partsOf(span),
      inFlight: spans.filter(
        (other) => other !== span && other.fromMs <= span.fromMs && other.toMs > span.fromMs,
      ).length,
      scheduler: sampler.between(span.fromMs, span.toMs),
    }));
}

/** A round trip's span and parts, from its timeline. */
export const roundTripSpan = (
  timeline: RoundTripTimeline & { label?: string },
): Span & { timeline: RoundTripTimeline } => ({
  fromMs: timeline.postedAt,
  toMs: timeline.visibleAt,
  label: timeline.label,
  timeline,
});

export function roundTripParts(timeline: RoundTripTimeline): RoundTripParts {
  return {
    decided: timeline.decidedAt - timeline.postedAt,
    recorded: timeline.recordedAt - timeline.decidedAt,
    answered: timeline.answeredAt - timeline.recordedAt,
    projecting: timeline.projectingAt - timeline.recordedAt,
    announced: timeline.announcedAt - timeline.projectingAt,
    visible: timeline.visibleAt - Math.max(timeline.answeredAt, timeline.announcedAt || 0),
  };
}

const ROLES = ['api', 'worker', 'temporal', 'postgres', 'clients'] as const;

const ms = (value: number | undefined) =>
  value !== undefined && Number.isFinite(value) ? value.toFixed(0) : '-';

export function formatSlowOperations(title: string, rows: readonly SlowOperation[]): string {
  return formatTable(
    [
      title,
      'what',
      'at s',
      'in flight',
      'POST→decided / →recorded / →200',
      'recorded→projecting / →message / →inbox',
      ...ROLES.map((role) => `${role} run / wait`),
      'bench loop late',
      'runnable max',
    ],
    rows.map((row) => [
      ms(row.totalMs),
      row.label ?? '',
      row.atS.toFixed(2),
      String(row.inFlight),
      row.parts ? `${ms(row.parts.decided)} / ${ms(row.parts.recorded)} / ${ms(row.parts.answered)}` : '',
      row.parts ? `${ms(row.parts.projecting)} / ${ms(row.parts.announced)} / ${ms(row.parts.visible)}` : '',
      ...ROLES.map((role) => {
        const times = row.scheduler?.byRole[role];
        return times ? `${ms(times.runMs)} / ${ms(times.waitMs)}` : '-';
      }),
      ms(row.scheduler?.samplerLateMs),
      ms(row.scheduler?.runnableMax),
    ]),
  );
}
