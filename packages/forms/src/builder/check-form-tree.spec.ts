import { checkFormTree } from './check-form-tree';
import { coreFieldNodes } from './core-field-nodes';
import { newField } from './field-palette';
import type { FieldNode, FormTree } from './form-tree';

const tree = (fields: FieldNode[], taskKind?: FormTree['taskKind']): FormTree => ({
  taskKind,
  title: '',
  description: '',
  fields,
});

describe('checkFormTree', () => {
  it('accepts new fields of every kind and the core fields of a kind', () => {
    const fields: FieldNode[] = [...coreFieldNodes('coaching-session')];
    for (const kind of ['short-text', 'rating', 'group', 'heading'] as const)
      fields.push(
        newField(
          kind,
          fields.map((f) => f.key),
        ),
      );
    expect(checkFormTree(tree(fields, 'coaching-session'))).toEqual([]);
  });

  it('flags a missing core field, a duplicate key and a condition on a later field', () => {
    const text = newField('short-text', []);
    const later = { ...newField('yes-no', ['shortText']), key: 'later' } as FieldNode;
    const conditional = {
      ...text,
      key: 'x',
      conditions: [{ field: 'later', op: 'is', value: true }],
    } as FieldNode;
    const issues = checkFormTree(tree([text, { ...text }, conditional, later], 'acknowledge-plan'));
    expect(issues.map((issue) => [issue.field, issue.property])).toEqual([
      ['shortText', 'key'],
      ['x', 'conditions/0'],
      ['accepted', 'key'],
    ]);
  });

  it('flags a choice whose options repeat and a default not among them', () => {
    const choice = { ...newField('single-choice', []), options: ['a', 'a'], default: 'b' } as FieldNode;
    expect(checkFormTree(tree([choice])).map((issue) => issue.property)).toEqual(['options', 'default']);
  });
});
