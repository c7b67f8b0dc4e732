import { rubric } from './forms.fixtures';
import { validateRubric } from './validate-rubric';

describe('validateRubric', () => {
  it('accepts a sound rubric', () => {
    expect(validateRubric(rubric)).toEqual([]);
  });

  it('names each broken rule with the field’s path', () => {
    const broken = {
      ...rubric,
      scale: { min: 4, max: 4, labels: { '9': 'Beyond' } },
      competencies: [rubric.competencies[0]!, { ...rubric.competencies[0]!, target: 7 }],
      kpis: [rubric.kpis![0]!, rubric.kpis![0]!],
    };
    expect(validateRubric(broken)).toEqual([
      { path: '/scale/max', message: 'must be greater than scale.min' },
      { path: '/scale/labels/9', message: 'labels a point outside 4..4' },
      { path: '/competencies/1/key', message: '"adaptability" is used twice' },
      { path: '/competencies/1/target', message: 'must be within the scale 4..4' },
      { path: '/kpis/1/key', message: '"conversations" is used twice' },
    ]);
  });
});
