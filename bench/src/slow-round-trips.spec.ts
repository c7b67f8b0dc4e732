import type { SchedulerSampler } from './scheduler-sampler';
import { formatSlowOperations, roundTripParts, slowestOperations } from './slow-round-trips';

const sampler: SchedulerSampler = {
  between: (fromMs, toMs) => ({
    byRole: { worker: { runMs: (toMs - fromMs) / 2, waitMs: toMs - fromMs } },
    runnableMax: 4,
    samplerLateMs: 7,
  }),
  stop: () => undefined,
};

describe('the slowest operations of a steady phase', () => {
  it('picks the slowest, with when they began, what was in flight and what the processes did', () => {
    // In the order they ended, as a phase records them.
    const spans = [
      { fromMs: 1010, toMs: 1210 },
      { fromMs: 1000, toMs: 1020 },
      { fromMs: 1100, toMs: 1150 },
      { fromMs: 1300, toMs: 1310 },
    ];
    const [slowest, next, ...rest] = slowestOperations(spans, sampler, 2);
    expect(rest).toEqual([]);
    expect(slowest).toMatchObject({ atS: 0.01, totalMs: 200, inFlight: 1 });
    expect(slowest?.scheduler?.byRole['worker']).toEqual({ runMs: 100, waitMs: 200 });
    // The third began while the second was in flight.
    expect(next).toMatchObject({ atS: 0.1, totalMs: 50, inFlight: 1 });
    const table = formatSlowOperations('slowest (ms)', [slowest!]);
    expect(table).toMatch(/200 +0\.01 +1 .* 100 \/ 200 .* 7 +4/);
  });

  it("splits a round trip into its parts, the inbox's after the later of the 200 and the message", () => {
    const parts = roundTripParts({
      postedAt: 0,
      decidedAt: 5,
      recordedAt: 15,
      answeredAt: 30,
      projectingAt: 20,
      announcedAt: 40,
      visibleAt: 44,
    });
    expect(parts).toEqual({
      decided: 5,
      recorded: 10,
      answered: 15,
      projecting: 5,
      announced: 20,
      visible: 4,
    });
    // The inbox held the task at once: no message, the inbox after the 200.
    expect(
      roundTripParts({
        postedAt: 0,
        decidedAt: 5,
        recordedAt: 15,
        answeredAt: 30,
        projectingAt: 20,
        announcedAt: Number.NaN,
        visibleAt: 34,
      }).visible,
    ).toBe(4);
  });
});
