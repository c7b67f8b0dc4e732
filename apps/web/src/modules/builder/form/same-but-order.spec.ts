import type { FormBody } from '@coachflow/contracts';
import { compileFormTree, type FieldNode, type FormTree, type ItemField, newField } from '@coachflow/forms';
import { sameBodyButOrder, sameUiSchemaButOrder } from './same-but-order';
import { moveField } from './tree-edits';

const field = (label: string, key: string, conditional = false): FieldNode => ({
  ...(newField('long-text', []) as ItemField),
  label,
  key,
  required: true,
  conditions: conditional ? [{ field: 'first', op: 'is', value: 'x' }] : [],
});
const tree: FormTree = {
  title: 'T',
  description: '',
  fields: [field('First', 'first'), field('Second', 'second', true), field('Third', 'third')],
};
const bodyOf = (form: FormTree, name = 'Form'): FormBody => ({ name, ...compileFormTree(form) });

describe('sameBodyButOrder', () => {
  it('holds for a body whose fields moved, and not for one with anything else changed', () => {
    const before = bodyOf(tree);
    expect(sameBodyButOrder(before, bodyOf(moveField(tree, 2, 0)))).toBe(true);
    expect(sameBodyButOrder(before, bodyOf(moveField(tree, 0, 2)))).toBe(true);
    expect(sameBodyButOrder(before, bodyOf(tree, 'Renamed'))).toBe(false);
    const relabelled = { ...tree, fields: [tree.fields[0]!, tree.fields[1]!, field('3rd', 'third')] };
    expect(sameBodyButOrder(before, bodyOf(relabelled))).toBe(false);
    const dropped = { ...tree, fields: tree.fields.slice(0, 2) };
    expect(sameBodyButOrder(before, bodyOf(dropped))).toBe(false);
  });

  it('counts the names in ui:order: a name twice is not a move', () => {
    const order = (names: string[]) => ({ first: { 'ui:widget': 'textarea' }, 'ui:order': names });
    expect(sameUiSchemaButOrder(order(['first', 'second']), order(['second', 'first']))).toBe(true);
    expect(sameUiSchemaButOrder(order(['first', 'second']), order(['first', 'first']))).toBe(false);
    expect(sameUiSchemaButOrder(order(['first']), { first: { 'ui:widget': 'textarea' } })).toBe(false);
    expect(
      sameUiSchemaButOrder(order(['first']), { first: { 'ui:widget': 'radio' }, 'ui:order': ['first'] }),
    ).toBe(false);
  });
});
