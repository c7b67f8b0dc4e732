import { compileFormTree } from './compile-form-tree';
import { coreFieldNodes } from './core-field-nodes';
import { newField } from './field-palette';
import type { FormTree } from './form-tree';

describe('compileFormTree', () => {
  it('shares an unchanged field’s schema and uiSchema between compiles, and compiles a changed one', () => {
    const notes = { ...newField('long-text', []), key: 'notes', label: 'Notes' };
    const score = { ...newField('number', ['notes']), key: 'score', label: 'Score' };
    const tree: FormTree = { title: 'T', description: '', fields: [notes, score] };
    const before = compileFormTree(tree);
    const relabelled = compileFormTree({ ...tree, fields: [notes, { ...score, label: 'Points' }] });

    expect(relabelled.schema['properties']).toMatchObject({ score: { title: 'Points' } });
    const field = (document: typeof before, key: string) =>
      (document.schema['properties'] as Record<string, unknown>)[key];
    expect(field(relabelled, 'notes')).toBe(field(before, 'notes'));
    expect(relabelled.uiSchema['notes']).toBe(before.uiSchema['notes']);
    expect(field(relabelled, 'score')).not.toBe(field(before, 'score'));
    expect(field(before, 'score')).toMatchObject({ title: 'Score' });
  });

  it('compiles a core field again for another task kind', () => {
    const [core] = coreFieldNodes('coaching-session');
    const session = compileFormTree({
      taskKind: 'coaching-session',
      title: '',
      description: '',
      fields: [core!],
    });
    expect(() =>
      compileFormTree({ taskKind: 'cycle-review', title: '', description: '', fields: [core!] }),
    ).toThrow(/is not a core field of cycle-review/);
    expect(
      compileFormTree({ taskKind: 'coaching-session', title: '', description: '', fields: [core!] }),
    ).toEqual(session);
  });
});
