import {
  checkCycleTargets,
  type CycleMeasurements,
  formatCycleReport,
  rate,
  summarizeLatencies,
} from './cycle-report';

const latency = (p50Ms: number, p99Ms: number) => ({ count: 10, p50Ms, p99Ms, maxMs: p99Ms });

const measurements = (overrides: Partial<CycleMeasurements> = {}): CycleMeasurements => ({
  roundTrip: latency(20, 40),
  roundTripPolled: latency(22, 44),
  roundTripComplete: latency(15, 35),
  bareUpdate: latency(10, 30),
  recordingUpdate: latency(14, 36),
  escalationLateness: latency(100, 200),
  escalationDecisionLateness: latency(90, 180),
  bareTimerLateness: latency(100, 190),
  cycleStarts: rate(100, 2000),
  noopWorkflows: rate(100, 1000),
  ...overrides,
});

describe('cycle benchmark report', () => {
  it('summarizes latencies by nearest rank', () => {
    expect(summarizeLatencies([5, 1, 3, 2, 4])).toEqual({ count: 5, p50Ms: 3, p99Ms: 5, maxMs: 5 });
    expect(summarizeLatencies([]).p50Ms).toBeNaN();
  });

  it('computes a rate per second', () => {
    expect(rate(50, 2000)).toEqual({ count: 50, wallMs: 2000, perSecond: 25 });
    expect(rate(1, 0).perSecond).toBeNaN();
  });

  it('checks every target against its baseline', () => {
    expect(checkCycleTargets(measurements()).map((v) => [v.name, v.met])).toEqual([
      ['round trip p99 / floor p99', true],
      ['escalation lateness p99 / bare timer p99', true],
      ['escalation lateness p99', true],
      ['cycle starts/s / no-op workflows/s', false],
    ]);
    const slow = checkCycleTargets(
      measurements({ roundTrip: latency(50, 55), escalationLateness: latency(900, 1100) }),
    );
    expect(slow.filter((v) => !v.met).map((v) => v.name)).toEqual([
      'round trip p99 / floor p99',
      'escalation lateness p99 / bare timer p99',
      'escalation lateness p99',
      'cycle starts/s / no-op workflows/s',
    ]);
  });

  it('prints ratios beside the baselines and a verdict per target', () => {
    const report = formatCycleReport(measurements());
    // The round trip's p99 against the floor's (40 / 36), the floor's against the bare Update's (36 / 30).
    expect(report).toContain('1.11x');
    expect(report).toContain('1.20x');
    expect(report).toMatch(/cycle starts\/s \/ no-op workflows\/s\s+0\.50x\s+>= 0\.6x\s+NO/);
  });
});
