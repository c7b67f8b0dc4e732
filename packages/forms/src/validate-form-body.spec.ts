import { defaultTaskFormSchema } from './default-task-form-schema';
import { validateFormBody } from './validate-form-body';

describe('validateFormBody', () => {
  it('accepts a default form and one that adds fields', () => {
    expect(
      validateFormBody({ name: 'f', taskKind: 'observation', schema: defaultTaskFormSchema('observation') }),
    ).toEqual([]);
    const schema = { type: 'object', properties: { notes: { type: 'string' } } };
    expect(validateFormBody({ name: 'f', schema, uiSchema: { notes: { 'ui:widget': 'textarea' } } })).toEqual(
      [],
    );
  });

  it('reports an invalid schema under /schema', () => {
    const errors = validateFormBody({
      name: 'f',
      schema: { type: 'object', properties: { a: { type: 'strin' } } },
    });
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((error) => error.path.startsWith('/schema'))).toBe(true);
  });

  it('reports a uiSchema naming no field and a dropped core field', () => {
    const errors = validateFormBody({
      name: 'f',
      taskKind: 'acknowledge-plan',
      schema: { type: 'object', properties: { note: { type: 'string' } } },
      uiSchema: { nope: {} },
    });
    expect(errors.map((error) => error.path)).toEqual(
      expect.arrayContaining(['/uiSchema/nope', '/schema/properties/accepted', '/schema/required']),
    );
  });

  it('leaves per-competency hints of an assessment form to the playbook check', () => {
    const schema = defaultTaskFormSchema('self-assessment');
    expect(
      validateFormBody({
        name: 'f',
        taskKind: 'self-assessment',
        schema,
        uiSchema: { ratings: { 'ui:title': 'Rate', adaptability: { 'ui:widget': 'radio' } } },
      }),
    ).toEqual([]);
  });
});
