import { compileFormSchema } from './compile-form-schema';
import type { TaskKind } from '@coachflow/contracts';
import { defaultTaskFormSchema } from './default-task-form-schema';
import { effectiveTaskFormSchema } from './effective-task-form-schema';
import { rubric } from './forms.fixtures';

const validatorFor = (schema: object) => {
  const compiled = compileFormSchema(schema);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
  return compiled.validate;
};

describe('default task forms accept the data shared/API.md describes', () => {
  it('coaching-session: commitments with a date or a duration', () => {
    const validate = validatorFor(defaultTaskFormSchema('coaching-session'));
    expect(
      validate({
        commitments: [
          { title: 'Ten calls a week', due: 'P28D' },
          { title: 'Deal review', due: '2026-12-01T09:00:00Z' },
        ],
      }),
    ).toBe(true);
    expect(validate({ commitments: [] })).toBe(false);
    expect(validate({ commitments: [{ title: 'No due date' }] })).toBe(false);
  });

  it('set-priorities: focus areas, a diagnosis and a style from the fixed lists', () => {
    const validate = validatorFor(defaultTaskFormSchema('set-priorities'));
    expect(validate({ focusAreas: ['adaptability'], diagnosis: 'skill', style: 'coaching' })).toBe(true);
    expect(validate({ focusAreas: ['adaptability'], diagnosis: 'laziness', style: 'coaching' })).toBe(false);
  });

  it('assessments: one rating per competency, on the rubric scale', () => {
    const validate = validatorFor(defaultTaskFormSchema('self-assessment', rubric));
    expect(validate({ ratings: { adaptability: 3, 'building-trust': 5 } })).toBe(true);
    expect(validate({ ratings: { adaptability: 3 } })).toBe(false);
    expect(validate({ ratings: { adaptability: 6, 'building-trust': 5 } })).toBe(false);
    expect(validate({ ratings: { adaptability: 3, 'building-trust': 5, unknown: 1 } })).toBe(false);
  });

  it('check-in and acknowledgement: a boolean each', () => {
    expect(validatorFor(defaultTaskFormSchema('commitment-check-in'))({ kept: false })).toBe(true);
    expect(validatorFor(defaultTaskFormSchema('acknowledge-plan'))({ accepted: 'yes' })).toBe(false);
  });
});

describe('default task forms, as tasks use them, are closed', () => {
  const effective = (kind: TaskKind) => effectiveTaskFormSchema(kind, defaultTaskFormSchema(kind), rubric);

  it('refuse fields they do not name, and take the optional ones the kind rules understand', () => {
    const checkIn = validatorFor(effective('commitment-check-in'));
    expect(checkIn({ kept: true, targetMet: false })).toBe(true);
    expect(checkIn({ kept: true, junk: 'x'.repeat(1000) })).toBe(false);
    const assessment = validatorFor(effective('manager-assessment'));
    expect(assessment({ ratings: { adaptability: 3, 'building-trust': 4 }, kpis: { calls: 3 } })).toBe(true);
    expect(assessment({ ratings: { adaptability: 3, 'building-trust': 4 }, notes: 'x' })).toBe(false);
    expect(validatorFor(effective('observation'))({ other: 1 })).toBe(false);
  });
});
