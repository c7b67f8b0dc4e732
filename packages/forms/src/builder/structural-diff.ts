import type { PlaybookBody, RubricBody } from '@coachflow/contracts';
import type { FormTree } from './form-tree';
import { sameJson } from './json-difference';

/** One thing that changed between two versions, named the way the admin sees it. */
export interface StructuralChange {
  change: 'added' | 'removed' | 'changed';
  /** What kind of thing: a field, a competency, a setting. */
  subject: string;
  key: string;
  label: string;
  /** For a change: the properties that differ (`position` when only its place moved). */
  details: string[];
}

/** The properties in which two versions of one item differ. */
export function changedProperties(before: object, after: object): string[] {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => !sameJson(a[key], b[key]));
}

/**
 * Added, removed and changed items of two keyed lists; an item kept whose place among the kept items moved
 * is changed in its `position`.
 */
export function diffKeyedLists<T extends object>(
  subject: string,
  before: readonly T[],
  after: readonly T[],
  keyOf: (item: T) => string,
  labelOf: (item: T) => string,
): StructuralChange[] {
  const beforeByKey = new Map(before.map((item) => [keyOf(item), item]));
  const afterByKey = new Map(after.map((item) => [keyOf(item), item]));
  const keptBefore = before.map(keyOf).filter((key) => afterByKey.has(key));
  const keptAfter = after.map(keyOf).filter((key) => beforeByKey.has(key));
  const changes: StructuralChange[] = [];
  for (const item of after) {
    const key = keyOf(item);
    const old = beforeByKey.get(key);
    if (!old) {
      changes.push({ change: 'added', subject, key, label: labelOf(item), details: [] });
      continue;
    }
    const details = changedProperties(old, item);
    if (keptBefore.indexOf(key) !== keptAfter.indexOf(key)) details.push('position');
    if (details.length > 0) changes.push({ change: 'changed', subject, key, label: labelOf(item), details });
  }
  for (const item of before)
    if (!afterByKey.has(keyOf(item)))
      changes.push({ change: 'removed', subject, key: keyOf(item), label: labelOf(item), details: [] });
  return changes;
}

function settings(subject: string, before: object, after: object, skip: string[]): StructuralChange[] {
  const details = changedProperties(before, after).filter((key) => !skip.includes(key));
  return details.length > 0 ? [{ change: 'changed', subject, key: '', label: subject, details }] : [];
}

/** What changed between two versions of a form, field by field (a repeating group's items too). */
export function diffFormTrees(before: FormTree, after: FormTree): StructuralChange[] {
  const label = (field: { key: string; label: string }) => field.label || field.key;
  const changes = [
    ...settings('form', before, after, ['fields']),
    ...diffKeyedLists('field', before.fields, after.fields, (field) => field.key, label),
  ];
  for (const field of after.fields) {
    const old = before.fields.find((candidate) => candidate.key === field.key);
    if (field.kind !== 'group' || old?.kind !== 'group') continue;
    for (const change of diffKeyedLists('field', old.fields, field.fields, (item) => item.key, label))
      changes.push({
        ...change,
        key: `${field.key}.${change.key}`,
        label: `${label(field)} › ${change.label}`,
      });
  }
  return changes;
}

/** What changed between two versions of a rubric: its settings, competencies and KPIs. */
export function diffRubrics(before: RubricBody, after: RubricBody): StructuralChange[] {
  return [
    ...settings('rubric', before, after, ['competencies', 'kpis']),
    ...diffKeyedLists(
      'competency',
      before.competencies,
      after.competencies,
      (c) => c.key,
      (c) => c.name,
    ),
    ...diffKeyedLists(
      'KPI',
      before.kpis ?? [],
      after.kpis ?? [],
      (k) => k.key,
      (k) => k.name,
    ),
  ];
}

/** What changed between two versions of a playbook: each setting, each task kind's form, each timing. */
export function diffPlaybooks(before: PlaybookBody, after: PlaybookBody): StructuralChange[] {
  return [
    ...settings('playbook', before, after, ['forms', 'timings']),
    ...settings('forms', before.forms ?? {}, after.forms ?? {}, []),
    ...settings('timings', before.timings, after.timings, []),
  ];
}
