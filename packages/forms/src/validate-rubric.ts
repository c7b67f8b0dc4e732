import type { FieldError, RubricBody } from '@coachflow/contracts';

/**
 * The rules of a rubric beyond its JSON shape: a scale that runs upwards, labels on points of the scale,
 * targets a rep can reach, and keys unique so ratings cannot be ambiguous.
 */
export function validateRubric(rubric: RubricBody): FieldError[] {
  const errors: FieldError[] = [];
  const { min, max, labels } = rubric.scale;
  if (min >= max) errors.push({ path: '/scale/max', message: 'must be greater than scale.min' });
  for (const point of Object.keys(labels ?? {})) {
    const value = Number(point);
    if (value < min || value > max)
      errors.push({ path: `/scale/labels/${point}`, message: `labels a point outside ${min}..${max}` });
  }
  const seen = new Set<string>();
  for (const [index, competency] of rubric.competencies.entries()) {
    if (seen.has(competency.key))
      errors.push({ path: `/competencies/${index}/key`, message: `"${competency.key}" is used twice` });
    seen.add(competency.key);
    if (competency.target < min || competency.target > max) {
      errors.push({
        path: `/competencies/${index}/target`,
        message: `must be within the scale ${min}..${max}`,
      });
    }
  }
  const kpiKeys = new Set<string>();
  for (const [index, kpi] of (rubric.kpis ?? []).entries()) {
    if (kpiKeys.has(kpi.key))
      errors.push({ path: `/kpis/${index}/key`, message: `"${kpi.key}" is used twice` });
    kpiKeys.add(kpi.key);
  }
  return errors;
}
