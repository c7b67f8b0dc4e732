import { newField } from './field-palette';
import type { FieldNode, FormTree } from './form-tree';
import { diffFormTrees, diffRubrics } from './structural-diff';

describe('diffFormTrees', () => {
  it('names fields added, removed, changed and moved', () => {
    const a = newField('short-text', []);
    const b = newField('number', ['shortText']);
    const c = newField('date', ['shortText', 'number']);
    const before: FormTree = { title: '', description: '', fields: [a, b, c] };
    const relabelled = { ...b, label: 'Calls made', required: true } as FieldNode;
    const added = newField('yes-no', ['shortText', 'number', 'date']);
    const after: FormTree = { title: '', description: '', fields: [relabelled, a, added] };
    expect(diffFormTrees(before, after)).toEqual([
      {
        change: 'changed',
        subject: 'field',
        key: 'number',
        label: 'Calls made',
        details: ['label', 'required', 'position'],
      },
      { change: 'changed', subject: 'field', key: 'shortText', label: 'Short text', details: ['position'] },
      { change: 'added', subject: 'field', key: 'yesNo', label: 'Yes / no', details: [] },
      { change: 'removed', subject: 'field', key: 'date', label: 'Date', details: [] },
    ]);
  });
});

describe('diffRubrics', () => {
  it('names competencies by key and the scale as a setting', () => {
    const competency = { key: 'trust', name: 'Trust', weight: 1, target: 3 };
    const before = { name: 'R', scale: { min: 1, max: 5 }, competencies: [competency] };
    const after = { ...before, scale: { min: 1, max: 4 }, competencies: [{ ...competency, weight: 2 }] };
    expect(diffRubrics(before, after)).toEqual([
      { change: 'changed', subject: 'rubric', key: '', label: 'rubric', details: ['scale'] },
      { change: 'changed', subject: 'competency', key: 'trust', label: 'Trust', details: ['weight'] },
    ]);
  });
});
