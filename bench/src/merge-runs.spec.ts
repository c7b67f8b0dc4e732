import { mergeRuns } from './merge-runs';

describe('mergeRuns', () => {
  it('adds wall times and pools latencies', () => {
    expect(
      mergeRuns([
        { wallMs: 10, latenciesMs: [1, 2] },
        { wallMs: 5, latenciesMs: [3] },
      ]),
    ).toEqual({ wallMs: 15, latenciesMs: [1, 2, 3] });
  });

  it('is an empty run for no runs', () => {
    expect(mergeRuns([])).toEqual({ wallMs: 0, latenciesMs: [] });
  });
});
