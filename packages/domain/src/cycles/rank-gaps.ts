import type { RubricBody } from '@coachflow/contracts';
import type { KpiShortfall, RankedGap, Ratings } from './cycle-events';

export interface GapAnalysis {
  /** Every competency, largest weighted gap first. */
  gaps: RankedGap[];
  /** KPIs below target, largest relative shortfall first. */
  kpiShortfalls: KpiShortfall[];
}

/**
 * What the set-priorities task shows: competencies ranked by weight × distance below target (the manager's
 * rating counts; the rep's own is the fallback), flagged where self and manager disagree by a quarter of the
 * scale or more (at least one point), and the KPIs the rep falls short on.
 */
export function rankGaps(
  rubric: RubricBody,
  selfRatings: Ratings,
  managerRatings: Ratings,
  kpiActuals: Record<string, number> = {},
): GapAnalysis {
  const threshold = Math.max(1, (rubric.scale.max - rubric.scale.min) / 4);
  const gaps = rubric.competencies.map((competency): RankedGap => {
    const selfRating = selfRatings[competency.key] ?? null;
    const managerRating = managerRatings[competency.key] ?? null;
    const rating = managerRating ?? selfRating;
    return {
      competencyKey: competency.key,
      name: competency.name,
      target: competency.target,
      selfRating,
      managerRating,
      weightedGap: rating === null ? 0 : competency.weight * Math.max(0, competency.target - rating),
      disagreement:
        selfRating !== null && managerRating !== null && Math.abs(selfRating - managerRating) >= threshold,
    };
  });
  gaps.sort(
    (a, b) =>
      b.weightedGap - a.weightedGap ||
      Number(b.disagreement) - Number(a.disagreement) ||
      a.competencyKey.localeCompare(b.competencyKey),
  );
  const kpiShortfalls = (rubric.kpis ?? []).flatMap((kpi): KpiShortfall[] => {
    const actual = kpiActuals[kpi.key];
    if (actual === undefined || kpi.target <= 0) return [];
    // A KPI where lower is better (days to close) falls short by going above its target.
    const miss = kpi.better === 'lower' ? actual - kpi.target : kpi.target - actual;
    if (miss <= 0) return [];
    const shortfall = Math.min(1, miss / kpi.target);
    return [{ kpiKey: kpi.key, name: kpi.name, target: kpi.target, actual, shortfall }];
  });
  kpiShortfalls.sort((a, b) => b.shortfall - a.shortfall || a.kpiKey.localeCompare(b.kpiKey));
  return { gaps, kpiShortfalls };
}
