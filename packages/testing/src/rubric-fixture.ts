import type { RubricBody } from '@coachflow/contracts';

const COMPETENCIES = [
  { key: 'questions', name: 'Questions', weight: 1, target: 4 },
  { key: 'value', name: 'Value', weight: 2, target: 4 },
  { key: 'trust', name: 'Trust', weight: 1, target: 3 },
] as const;

/** The keys of {@link rubricFixture}'s competencies. */
export type RubricFixtureCompetency = (typeof COMPETENCIES)[number]['key'];

export interface RubricFixtureOptions {
  /** Only these competencies, in the fixture's order (all three unless told). */
  only?: readonly RubricFixtureCompetency[];
  /** Weights instead of the fixture's (questions 1, value 2, trust 1), by key. */
  weights?: Partial<Record<RubricFixtureCompetency, number>>;
  /** KPIs instead of the fixture's one (calls, target 40). */
  kpis?: RubricBody['kpis'];
}

/**
 * The rubric the cycle specs rate against: questions, value and trust on a 1..5 scale (targets 4, 4, 3)
 * and a calls KPI; a spec changes only what it is about.
 */
export function rubricFixture({ only, weights = {}, kpis }: RubricFixtureOptions = {}): RubricBody {
  return {
    name: 'Discovery',
    scale: { min: 1, max: 5 },
    competencies: COMPETENCIES.filter((competency) => !only || only.includes(competency.key)).map(
      (competency) => ({ ...competency, weight: weights[competency.key] ?? competency.weight }),
    ),
    kpis: kpis ?? [{ key: 'calls', name: 'Calls', target: 40 }],
  };
}
