import { formatTable } from './format-table';
import { percentile } from './percentile';

/** Latency percentiles of one measured series, in milliseconds. */
export interface LatencySummary {
  count: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export function summarizeLatencies(samplesMs: readonly number[]): LatencySummary {
  return {
    count: samplesMs.length,
    p50Ms: percentile(samplesMs, 50),
    p99Ms: percentile(samplesMs, 99),
    maxMs: samplesMs.length === 0 ? Number.NaN : Math.max(...samplesMs),
  };
}

/** A throughput: how many in how long. */
export interface Rate {
  count: number;
  wallMs: number;
  perSecond: number;
}

export function rate(count: number, wallMs: number): Rate {
  return { count, wallMs, perSecond: wallMs > 0 ? (count * 1000) / wallMs : Number.NaN };
}

/** The three comparisons of `npm run bench -- cycle`, each against a bare-Temporal baseline of the same run. */
export interface CycleMeasurements {
  /**
   * HTTP complete → the next task in the next person's inbox, as the web app gets there: the live stream's
   * message, then the inbox fetched.
   */
  roundTrip: LatencySummary;
  /** The same, the inbox polled every few milliseconds instead of waiting for the stream. */
  roundTripPolled: LatencySummary;
  /** Its first part: the POST until the workflow recorded the completion (200). */
  roundTripComplete: LatencySummary;
  /** A Temporal Update on a workflow that only sets a field. */
  bareUpdate: LatencySummary;
  /**
   * The same Update appending one event through the cycle's recording local activity before it answers: the
   * floor of any completion that answers once its events are stored.
   */
  recordingUpdate: LatencySummary;
  /** Check-in grace expiry → EscalationRaised stored in the event store. */
  escalationLateness: LatencySummary;
  /** The same, to the workflow time of the decision (before the activity that stores it). */
  escalationDecisionLateness: LatencySummary;
  /** A bare workflow's sleep(): due time → the workflow woke. */
  bareTimerLateness: LatencySummary;
  /** POST /api/cycles → CycleStarted stored, for many cycles at once. */
  cycleStarts: Rate;
  /** No-op workflows started and completed, the same number, the same concurrency. */
  noopWorkflows: Rate;
}

export interface CycleTargetVerdict {
  name: string;
  measured: string;
  target: string;
  met: boolean;
}

/** The targets, checked against one run's measurements. */
export function checkCycleTargets(m: CycleMeasurements): CycleTargetVerdict[] {
  const roundTripRatio = m.roundTrip.p99Ms / m.recordingUpdate.p99Ms;
  const latenessRatio = m.escalationLateness.p99Ms / m.bareTimerLateness.p99Ms;
  const startRatio = m.cycleStarts.perSecond / m.noopWorkflows.perSecond;
  return [
    {
      name: 'round trip p99 / floor p99',
      measured: `${fixed(roundTripRatio, 2)}x`,
      target: '<= 1.5x',
      met: roundTripRatio <= 1.5,
    },
    {
      name: 'escalation lateness p99 / bare timer p99',
      measured: `${fixed(latenessRatio, 2)}x`,
      target: '<= 1.2x',
      met: latenessRatio <= 1.2,
    },
    {
      name: 'escalation lateness p99',
      measured: `${fixed(m.escalationLateness.p99Ms, 0)} ms`,
      target: '< 1000 ms',
      met: m.escalationLateness.p99Ms < 1000,
    },
    {
      name: 'cycle starts/s / no-op workflows/s',
      measured: `${fixed(startRatio, 2)}x`,
      target: '>= 0.6x',
      met: startRatio >= 0.6,
    },
  ];
}

const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : '-');

/** The measurements as a table beside their baselines, then the target verdicts. */
export function formatCycleReport(m: CycleMeasurements): string {
  const latency = (name: string, summary: LatencySummary, baseline?: LatencySummary) => [
    name,
    String(summary.count),
    fixed(summary.p50Ms, 1),
    fixed(summary.p99Ms, 1),
    fixed(summary.maxMs, 1),
    baseline ? `${fixed(summary.p50Ms / baseline.p50Ms, 2)}x` : '',
    baseline ? `${fixed(summary.p99Ms / baseline.p99Ms, 2)}x` : '',
  ];
  const latencies = formatTable(
    [
      'latency (ms); ratios to the floor (its own to the bare Update)',
      'n',
      'p50',
      'p99',
      'max',
      'p50 ratio',
      'p99 ratio',
    ],
    [
      latency('task round trip (HTTP → stream → next task in inbox)', m.roundTrip, m.recordingUpdate),
      latency('  the same, inbox polled instead', m.roundTripPolled, m.recordingUpdate),
      latency('  of which POST complete (200 = recorded)', m.roundTripComplete, m.recordingUpdate),
      latency('  floor: Update recording one event', m.recordingUpdate, m.bareUpdate),
      latency('  baseline: bare Temporal Update', m.bareUpdate),
      latency('escalation lateness (stored)', m.escalationLateness, m.bareTimerLateness),
      latency('escalation lateness (decided)', m.escalationDecisionLateness, m.bareTimerLateness),
      latency('  baseline: bare sleep() lateness', m.bareTimerLateness),
    ],
  );
  const rates = formatTable(
    ['throughput', 'n', 'wall ms', 'per second', 'ratio'],
    [
      [
        'cycles started (HTTP → CycleStarted stored)',
        String(m.cycleStarts.count),
        fixed(m.cycleStarts.wallMs, 0),
        fixed(m.cycleStarts.perSecond, 1),
        `${fixed(m.cycleStarts.perSecond / m.noopWorkflows.perSecond, 2)}x`,
      ],
      [
        '  baseline: no-op workflows started+completed',
        String(m.noopWorkflows.count),
        fixed(m.noopWorkflows.wallMs, 0),
        fixed(m.noopWorkflows.perSecond, 1),
        '',
      ],
    ],
  );
  const verdicts = formatTable(
    ['target', 'measured', 'wanted', 'met'],
    checkCycleTargets(m).map((v) => [v.name, v.measured, v.target, v.met ? 'yes' : 'NO']),
  );
  return `${latencies}\n\n${rates}\n\n${verdicts}`;
}
