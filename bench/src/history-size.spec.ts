import { cyclesPerRep, historyEvents } from './history-size';

describe('cyclesPerRep', () => {
  it('writes at least the target at full size (20,000 reps, cycles of 17 events, the last one 3)', () => {
    const cycles = cyclesPerRep(10_000_000, 20_000, 17, 3);
    expect(historyEvents(20_000, cycles, 17, 3)).toBeGreaterThanOrEqual(10_000_000);
    // and not a whole cycle per rep more than it needs
    expect(historyEvents(20_000, cycles - 1, 17, 3)).toBeLessThan(10_000_000);
  });

  it('gives every rep one (open) cycle when the target is smaller than that', () => {
    expect(cyclesPerRep(100, 1_000, 17, 3)).toBe(1);
  });

  it('hits an exact fit without an extra cycle', () => {
    // 2 reps × (2 full + 1 open) = 2 × 37 = 74 events
    expect(cyclesPerRep(74, 2, 17, 3)).toBe(3);
  });
});
