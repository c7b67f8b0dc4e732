import { compileFormSchema } from './compile-form-schema';
import { defaultTaskFormSchema } from './default-task-form-schema';
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
