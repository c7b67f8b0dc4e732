import { rubricFixture } from '@coachflow/testing';
import { rankGaps } from './rank-gaps';
import { scoreChanges } from './score-changes';

const rubric = rubricFixture({
  weights: { value: 3, trust: 2 },
  kpis: [
    { key: 'calls', name: 'Calls', target: 40 },
    { key: 'win-rate', name: 'Win rate', target: 0.3 },
    { key: 'meetings', name: 'Meetings', target: 10 },
  ],
});

describe('rankGaps', () => {
  it('ranks by weight times the distance below target, by the manager’s rating; a disagreement breaks a tie', () => {
    const { gaps } = rankGaps(
      rubric,
      { questions: 2, value: 3, trust: 3 },
      { questions: 1, value: 3, trust: 4 },
    );
    expect(gaps.map((gap) => [gap.competencyKey, gap.weightedGap])).toEqual([
      ['questions', 3],
      ['value', 3],
      ['trust', 0],
    ]);
  });

  it('flags self and manager ratings a quarter of the scale or more apart', () => {
    const { gaps } = rankGaps(
      rubric,
      { questions: 4, value: 3, trust: 3 },
      { questions: 2, value: 3, trust: 2 },
    );
    const flags = Object.fromEntries(gaps.map((gap) => [gap.competencyKey, gap.disagreement]));
    expect(flags).toEqual({ questions: true, value: false, trust: true });
  });

  it('counts a KPI where lower is better as short when it is above its target', () => {
    const lower = {
      ...rubric,
      kpis: [{ key: 'days-to-close', name: 'Days to close', target: 40, better: 'lower' as const }],
    };
    expect(
      rankGaps(lower, {}, {}, { 'days-to-close': 50 }).kpiShortfalls.map((kpi) => kpi.shortfall),
    ).toEqual([0.25]);
    expect(rankGaps(lower, {}, {}, { 'days-to-close': 30 }).kpiShortfalls).toEqual([]);
  });

  it('lists KPIs below target, largest relative shortfall first, and ignores those met or not entered', () => {
    const { kpiShortfalls } = rankGaps(rubric, {}, {}, { calls: 30, 'win-rate': 0.1, meetings: 12 });
    expect(kpiShortfalls.map((kpi) => [kpi.kpiKey, Number(kpi.shortfall.toFixed(3))])).toEqual([
      ['win-rate', 0.667],
      ['calls', 0.25],
    ]);
  });
});

describe('scoreChanges', () => {
  it('compares the review with the start, per focus area', () => {
    expect(scoreChanges(['value', 'trust'], { value: 2 }, { trust: 3 }, { value: 4, trust: 3 })).toEqual([
      { competencyKey: 'value', before: 2, after: 4, change: 2 },
      { competencyKey: 'trust', before: 3, after: 3, change: 0 },
    ]);
    expect(scoreChanges(['value'], {}, {}, { value: 4 })).toEqual([
      { competencyKey: 'value', before: null, after: 4, change: null },
    ]);
  });
});
