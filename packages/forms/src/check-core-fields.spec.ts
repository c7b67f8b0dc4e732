import { TASK_KINDS } from '@coachflow/contracts';
import { checkCoreFields } from './check-core-fields';
import { compileFormSchema } from './compile-form-schema';
import { defaultTaskFormSchema } from './default-task-form-schema';
import { rubric } from './forms.fixtures';

describe('checkCoreFields', () => {
  it('accepts every default form, which compiles', () => {
    for (const kind of TASK_KINDS) {
      const schema = defaultTaskFormSchema(kind, rubric);
      expect(compileFormSchema(schema).ok).toBe(true);
      expect(checkCoreFields(kind, schema)).toEqual([]);
    }
  });

  it('lets a form add fields of its own', () => {
    const schema = defaultTaskFormSchema('commitment-check-in');
    const extended = {
      ...schema,
      properties: { ...(schema['properties'] as object), notes: { type: 'string' } },
    };
    expect(checkCoreFields('commitment-check-in', extended)).toEqual([]);
  });

  it('refuses a form that drops, retypes or makes optional a core field', () => {
    const base = defaultTaskFormSchema('set-priorities');
    const properties = base['properties'] as Record<string, object>;
    const { diagnosis: _dropped, ...withoutDiagnosis } = properties;
    expect(checkCoreFields('set-priorities', { ...base, properties: withoutDiagnosis })).toContainEqual({
      path: '/schema/properties/diagnosis',
      message: 'a set-priorities form must keep the core field "diagnosis"',
    });
    expect(
      checkCoreFields('set-priorities', {
        ...base,
        properties: { ...properties, focusAreas: { type: 'string' } },
      }),
    ).toContainEqual({
      path: '/schema/properties/focusAreas/type',
      message: 'must stay "array" (core field of set-priorities)',
    });
    expect(checkCoreFields('set-priorities', { ...base, required: ['focusAreas'] })).toHaveLength(2);
  });
});
