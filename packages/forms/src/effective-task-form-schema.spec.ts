import { ajvErrorsToFieldErrors } from './ajv-errors-to-field-errors';
import { compileFormSchema, DRAFT_2020_12 } from './compile-form-schema';
import { defaultTaskFormSchema } from './default-task-form-schema';
import { effectiveTaskFormSchema } from './effective-task-form-schema';
import { rubric } from './forms.fixtures';

describe('effectiveTaskFormSchema', () => {
  it('rates every competency of the rubric on an assessment form, with the scale labels', () => {
    const schema = effectiveTaskFormSchema(
      'self-assessment',
      defaultTaskFormSchema('self-assessment'),
      rubric,
    );
    const compiled = compileFormSchema(schema);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
    expect(compiled.validate({ ratings: { adaptability: 4, 'building-trust': 2 } })).toBe(true);
    expect(compiled.validate({ ratings: { adaptability: 4 } })).toBe(false);
    expect(compiled.validate({ ratings: { adaptability: 4, 'building-trust': 2, unknown: 3 } })).toBe(false);
    expect(compiled.validate({ ratings: { adaptability: 9, 'building-trust': 2 } })).toBe(false);
    const ratings = (
      schema['properties'] as Record<string, { properties: Record<string, { oneOf: unknown[] }> }>
    )['ratings']!;
    expect(ratings.properties['adaptability']!.oneOf[0]).toEqual({ const: 1, title: '1 – Rarely' });
  });

  it('keeps the fields a form adds and makes ratings required', () => {
    const form = { type: 'object', properties: { notes: { type: 'string' } }, required: ['notes'] };
    const schema = effectiveTaskFormSchema('cycle-review', form, rubric);
    expect(Object.keys(schema['properties'] as object)).toEqual(['notes', 'ratings']);
    expect(schema['required']).toEqual(['notes', 'ratings']);
  });

  it('leaves the form of another kind as it is, but closed to fields it does not name', () => {
    const form = { ...defaultTaskFormSchema('acknowledge-plan'), additionalProperties: true };
    expect(effectiveTaskFormSchema('acknowledge-plan', form, rubric)).toBe(form);
  });
});

describe('a form refuses unknown fields unless its admin allows them', () => {
  const notesForm = { type: 'object', properties: { notes: { type: 'string' } } };
  const validatorOf = (schema: object) => {
    const compiled = compileFormSchema(schema);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
    return compiled.validate;
  };

  it('closes a form that says nothing', () => {
    const validate = validatorOf(effectiveTaskFormSchema('observation', notesForm, rubric));
    expect(validate({ notes: 'ok' })).toBe(true);
    expect(validate({ notes: 'ok', extra: 'x' })).toBe(false);
  });

  it('closes a draft 2020-12 form without refusing the fields its conditions show', () => {
    const conditional = {
      $schema: DRAFT_2020_12,
      ...notesForm,
      allOf: [
        {
          if: { properties: { notes: { const: 'no' } }, required: ['notes'] },
          then: { properties: { why: { type: 'string' } } },
        },
      ],
    };
    const validate = validatorOf(effectiveTaskFormSchema('coaching-session', conditional, rubric));
    expect(validate({ notes: 'no', why: 'no time' })).toBe(true);
    expect(validate({ notes: 'yes', why: 'no time' })).toBe(false); // not shown, so not taken
    expect(validate({ notes: 'no', extra: 'x' })).toBe(false);
    expect(ajvErrorsToFieldErrors(validate.errors, '/data')).toEqual([
      { path: '/data/extra', message: 'is not allowed here' },
    ]);
  });

  it('keeps a form open whose admin said so', () => {
    const open = { ...notesForm, additionalProperties: true };
    expect(validatorOf(effectiveTaskFormSchema('follow-up', open, rubric))({ extra: 'x' })).toBe(true);
  });
});
