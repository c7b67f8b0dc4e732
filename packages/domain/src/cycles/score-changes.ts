import type { Ratings, ScoreChange } from './cycle-events';

/**
 * The gain per focus area at the end of a cycle: the review's rating against the manager's assessment at
 * the start (the rep's own rating when the manager gave none).
 */
export function scoreChanges(
  focusAreas: string[],
  managerRatings: Ratings,
  selfRatings: Ratings,
  reviewRatings: Ratings,
): ScoreChange[] {
  return focusAreas.flatMap((competencyKey): ScoreChange[] => {
    const after = reviewRatings[competencyKey];
    if (after === undefined) return [];
    const before = managerRatings[competencyKey] ?? selfRatings[competencyKey] ?? null;
    return [{ competencyKey, before, after, change: before === null ? null : after - before }];
  });
}
