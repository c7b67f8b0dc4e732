import type { AppendScenarioResult } from './append.bench';
import { checkAppendTargets } from './append-targets';
import type { RunSummary } from './summarize-run';

const summary = (appendsPerSec: number): RunSummary => ({
  appends: 100,
  events: 100,
  wallMs: 1_000,
  appendsPerSec,
  eventsPerSec: appendsPerSec,
  p50Ms: 1,
  p99Ms: 2,
});

function result(
  writers: number,
  eventsPerAppend: number,
  ours: number,
  raw: number,
  emmett: number,
): AppendScenarioResult {
  return {
    scenario: { writers, eventsPerAppend, appendsPerWriter: 10 },
    sides: { coachflow: summary(ours), 'raw-pg': summary(raw), emmett: summary(emmett) },
    ratios: { coachflowToRawPg: ours / raw, coachflowToEmmett: ours / emmett },
  };
}

describe('checkAppendTargets', () => {
  it('checks only the concurrent scenarios, each target on its own', () => {
    const checks = checkAppendTargets([
      result(1, 1, 10, 100, 100),
      result(16, 1, 600, 1_000, 400),
      result(16, 10, 500, 1_000, 500),
    ]);
    expect(checks).toEqual([
      {
        writers: 16,
        eventsPerAppend: 1,
        coachflowToRawPg: 0.6,
        meetsRawPg: true,
        coachflowToEmmett: 1.5,
        meetsEmmett: true,
      },
      {
        writers: 16,
        eventsPerAppend: 10,
        coachflowToRawPg: 0.5,
        meetsRawPg: false,
        coachflowToEmmett: 1,
        meetsEmmett: false,
      },
    ]);
  });
});
