import type { FieldError, RubricBody } from '@coachflow/contracts';
import { validateRubric } from '@coachflow/forms';

type Competency = RubricBody['competencies'][number];

const KEY = /^[a-z][a-z0-9-]{0,62}$/;

/** A rubric key from a name ("Building trust" → "building-trust"), unique among `taken`. */
export function rubricKeyFromName(name: string, taken: Iterable<string>): string {
  const base =
    name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^[-0-9]+|-+$/g, '')
      .slice(0, 56) || 'item';
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let suffix = 2; ; suffix++) if (!used.has(`${base}-${suffix}`)) return `${base}-${suffix}`;
}

export function newCompetency(rubric: RubricBody): Competency {
  const name = `Competency ${rubric.competencies.length + 1}`;
  return {
    key: rubricKeyFromName(
      name,
      rubric.competencies.map((c) => c.key),
    ),
    name,
    weight: 1,
    target: rubric.scale.max - 1 > rubric.scale.min ? rubric.scale.max - 1 : rubric.scale.max,
    indicators: [],
  };
}

/** A competency's weight as a share of all weights ("25 %"). */
export function weightShare(rubric: RubricBody, weight: number): string {
  const total = rubric.competencies.reduce((sum, competency) => sum + (competency.weight || 0), 0);
  return total > 0 ? `${Math.round((weight / total) * 100)} %` : '—';
}

/** Every problem of a rubric, as the API reports it: shape rules the API's schema has, then validateRubric. */
export function rubricErrors(rubric: RubricBody): FieldError[] {
  const errors: FieldError[] = [];
  if (!rubric.name.trim()) errors.push({ path: '/name', message: 'A rubric needs a name' });
  if (rubric.competencies.length === 0)
    errors.push({ path: '/competencies', message: 'Add at least one competency' });
  rubric.competencies.forEach((competency, index) => {
    if (!KEY.test(competency.key))
      errors.push({
        path: `/competencies/${index}/key`,
        message: 'lower-case letters, digits and dashes, starting with a letter',
      });
    if (!competency.name.trim())
      errors.push({ path: `/competencies/${index}/name`, message: 'needs a name' });
    if (!(competency.weight > 0))
      errors.push({ path: `/competencies/${index}/weight`, message: 'must be above 0' });
  });
  (rubric.kpis ?? []).forEach((kpi, index) => {
    if (!KEY.test(kpi.key))
      errors.push({
        path: `/kpis/${index}/key`,
        message: 'lower-case letters, digits and dashes, starting with a letter',
      });
    if (!kpi.name.trim()) errors.push({ path: `/kpis/${index}/name`, message: 'needs a name' });
  });
  return errors.length > 0 ? errors : validateRubric(rubric);
}
