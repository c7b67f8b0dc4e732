import { summarizeRun } from './summarize-run';

describe('summarizeRun', () => {
  it('derives throughput from wall time and percentiles from latencies', () => {
    const latenciesMs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(summarizeRun({ wallMs: 2_000, latenciesMs }, 10)).toEqual({
      appends: 100,
      events: 1_000,
      wallMs: 2_000,
      appendsPerSec: 50,
      eventsPerSec: 500,
      p50Ms: 50,
      p99Ms: 99,
    });
  });
});
