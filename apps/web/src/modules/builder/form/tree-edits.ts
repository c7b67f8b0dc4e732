import { coreFieldNodes, type FieldNode, type FormTree, newField, type PaletteKind } from '@coachflow/forms';
import type { RubricBody } from '@coachflow/contracts';
import { moveItem } from '../shared/SortableList';

/** Pure edits of a form tree, each one undoable step of the builder. */
export function addField(
  tree: FormTree,
  kind: PaletteKind,
  at: number,
  rubric?: RubricBody,
): { tree: FormTree; key: string } {
  const field = newField(
    kind,
    tree.fields.map((existing) => existing.key),
    rubric,
  );
  const fields = [...tree.fields];
  fields.splice(Math.max(0, Math.min(at, fields.length)), 0, field);
  return { tree: { ...tree, fields }, key: field.key };
}

export function replaceField(tree: FormTree, key: string, field: FieldNode): FormTree {
  const fields = tree.fields.map((existing) => (existing.key === key ? field : existing));
  // A renamed key takes the conditions that test the old key with it.
  if (field.key === key) return { ...tree, fields };
  return {
    ...tree,
    fields: fields.map((existing) =>
      existing.kind === 'core'
        ? existing
        : {
            ...existing,
            conditions: existing.conditions.map((condition) =>
              condition.field === key ? { ...condition, field: field.key } : condition,
            ),
          },
    ),
  };
}

export function moveField(tree: FormTree, from: number, to: number): FormTree {
  return { ...tree, fields: moveItem(tree.fields, from, to) };
}

/** A copy of the field right below it, with a fresh key; core fields are not duplicated. */
export function duplicateField(tree: FormTree, key: string): { tree: FormTree; key: string } {
  const index = tree.fields.findIndex((field) => field.key === key);
  const original = tree.fields[index];
  if (!original || original.kind === 'core') return { tree, key };
  const taken = new Set(tree.fields.map((field) => field.key));
  let copyKey = `${original.key}Copy`;
  for (let suffix = 2; taken.has(copyKey); suffix++) copyKey = `${original.key}Copy${suffix}`;
  const copy = {
    ...structuredClone(original),
    key: copyKey,
    label: original.label ? `${original.label} (copy)` : '',
  };
  const fields = [...tree.fields];
  fields.splice(index + 1, 0, copy);
  return { tree: { ...tree, fields }, key: copyKey };
}

/** The tree without the field and without the conditions that tested it; core fields stay. */
export function deleteField(tree: FormTree, key: string): FormTree {
  const target = tree.fields.find((field) => field.key === key);
  if (!target || target.kind === 'core') return tree;
  return {
    ...tree,
    fields: tree.fields
      .filter((field) => field.key !== key)
      .map((field) =>
        field.kind === 'core'
          ? field
          : { ...field, conditions: field.conditions.filter((c) => c.field !== key) },
      ),
  };
}

/** An empty form for a task kind: its locked core fields only. */
export function emptyTree(taskKind: FormTree['taskKind']): FormTree {
  return { ...(taskKind ? { taskKind } : {}), title: '', description: '', fields: coreFieldNodes(taskKind) };
}
