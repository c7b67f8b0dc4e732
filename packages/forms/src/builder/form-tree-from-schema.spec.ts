import { TASK_KINDS } from '@coachflow/contracts';
import { compileFormSchema } from '../compile-form-schema';
import { defaultTaskFormSchema } from '../default-task-form-schema';
import { validateFormBody } from '../validate-form-body';
import { compileFormTree } from './compile-form-tree';
import { newField } from './field-palette';
import type { FieldNode, FormTree } from './form-tree';
import { formTreeFromSchema } from './form-tree-from-schema';

const agreed: FieldNode = {
  kind: 'yes-no',
  key: 'agreed',
  label: 'Agreed?',
  help: '',
  required: true,
  widget: 'radio',
  conditions: [],
};
const why: FieldNode = {
  kind: 'long-text',
  key: 'why',
  label: 'Why not?',
  help: '',
  required: true,
  placeholder: '',
  conditions: [{ field: 'agreed', op: 'is', value: false }],
};

describe('formTreeFromSchema', () => {
  it('opens the default form of every task kind, its core fields locked and its extras editable', () => {
    for (const kind of TASK_KINDS) {
      const read = formTreeFromSchema({ taskKind: kind, schema: defaultTaskFormSchema(kind) });
      if (!read.ok) throw new Error(`${kind}: ${read.message}`);
      const editable = read.tree.fields.filter((field) => field.kind !== 'core').map((field) => field.key);
      expect(editable).toEqual(kind === 'commitment-check-in' ? ['note'] : []);
    }
  });

  it.each([
    [
      'a pattern',
      { type: 'object', properties: { a: { type: 'string', pattern: '^x' } } },
      '/schema/properties/a/pattern',
    ],
    [
      'a $ref',
      { type: 'object', $defs: { x: { type: 'string' } }, properties: { a: { $ref: '#/$defs/x' } } },
      '/schema/properties/a',
    ],
    [
      'nested objects',
      { type: 'object', properties: { a: { type: 'object', properties: {} } } },
      '/schema/properties/a',
    ],
    [
      'an else branch',
      {
        type: 'object',
        properties: { a: { type: 'boolean' } },
        allOf: [
          {
            if: { properties: { a: { const: true } }, required: ['a'] },
            then: { properties: { b: { type: 'string' } } },
            else: {},
          },
        ],
      },
      '/schema/allOf/0',
    ],
    [
      'additionalProperties',
      { type: 'object', properties: {}, additionalProperties: false },
      '/schema/additionalProperties',
    ],
  ])('names where it cannot represent %s', (_name, schema, path) => {
    const read = formTreeFromSchema({ schema });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.path.startsWith(path)).toBe(true);
  });

  it('reads a form without ui:order in the order of its properties', () => {
    const read = formTreeFromSchema({
      schema: {
        type: 'object',
        properties: { b: { type: 'string' }, a: { type: 'number' } },
        required: ['a'],
      },
    });
    expect(read.ok && read.tree.fields.map((field) => [field.key, field.kind])).toEqual([
      ['b', 'short-text'],
      ['a', 'number'],
    ]);
  });
});

describe('conditions', () => {
  const tree: FormTree = { taskKind: 'observation', title: '', description: '', fields: [agreed, why] };
  const { schema, uiSchema } = compileFormTree(tree);

  it('compile to a form the API accepts', () => {
    expect(validateFormBody({ name: 'f', taskKind: 'observation', schema, uiSchema })).toEqual([]);
  });

  it('require the field exactly when they hold, as the API validates', () => {
    const compiled = compileFormSchema(schema);
    if (!compiled.ok) throw new Error('does not compile');
    expect(compiled.validate({ agreed: true })).toBe(true);
    expect(compiled.validate({ agreed: false })).toBe(false);
    expect(compiled.validate({ agreed: false, why: 'Too busy' })).toBe(true);
  });

  it('join several rules by AND', () => {
    const score: FieldNode = {
      ...(newField('number', []) as FieldNode & { kind: 'number' }),
      key: 'score',
      required: false,
    };
    const both: FieldNode = {
      ...why,
      conditions: [
        { field: 'agreed', op: 'is', value: false },
        { field: 'score', op: 'is-at-least', value: 3 },
      ],
    };
    const compiled = compileFormSchema(
      compileFormTree({ title: '', description: '', fields: [agreed, score, both] }).schema,
    );
    if (!compiled.ok) throw new Error('does not compile');
    expect(compiled.validate({ agreed: false, score: 2 })).toBe(true);
    expect(compiled.validate({ agreed: false, score: 3 })).toBe(false);
    expect(compiled.validate({ agreed: true, score: 3 })).toBe(true);
  });
});
