import type { RubricBody } from '@coachflow/contracts';
import type { FieldNode, ItemField, RatingScale, TopField } from './form-tree';

export type PaletteKind = TopField['kind'];

/** The palette, in the order it is shown: what each kind of field is for. */
export const PALETTE: readonly { kind: PaletteKind; label: string; hint: string }[] = [
  { kind: 'short-text', label: 'Short text', hint: 'One line of text' },
  { kind: 'long-text', label: 'Long text', hint: 'A paragraph or more' },
  { kind: 'number', label: 'Number', hint: 'A number, with limits if you like' },
  { kind: 'rating', label: 'Rating', hint: 'A point on the rubric’s scale or your own' },
  { kind: 'single-choice', label: 'Single choice', hint: 'One option, as buttons or a list' },
  { kind: 'multiple-choice', label: 'Multiple choice', hint: 'Any number of options' },
  { kind: 'yes-no', label: 'Yes / no', hint: 'A yes or no answer' },
  { kind: 'date', label: 'Date', hint: 'A calendar date' },
  { kind: 'heading', label: 'Section heading', hint: 'A heading with text, asks nothing' },
  { kind: 'group', label: 'Repeating group', hint: 'A list of items with the same fields' },
];

/** A scale taken from a rubric, or 1–5 when there is none. */
export function rubricScale(rubric: Pick<RubricBody, 'scale'> | undefined): RatingScale {
  if (!rubric) return { fromRubric: false, min: 1, max: 5, labels: {} };
  return {
    fromRubric: true,
    min: rubric.scale.min,
    max: rubric.scale.max,
    labels: { ...(rubric.scale.labels ?? {}) },
  };
}

/** A camelCase key from a label ("Next step?" → "nextStep"), unique among `taken`. */
export function fieldKeyFromLabel(label: string, taken: Iterable<string>): string {
  const words = label
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  const joined = words
    .map((word, index) =>
      index === 0 ? word.toLowerCase() : word[0]!.toUpperCase() + word.slice(1).toLowerCase(),
    )
    .join('')
    .replace(/^[0-9]+/, '')
    .slice(0, 56);
  const base = joined || 'field';
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let suffix = 2; ; suffix++) if (!used.has(`${base}${suffix}`)) return `${base}${suffix}`;
}

/** A new field of `kind` with sensible defaults and a key not in `taken`. */
export function newField(
  kind: PaletteKind,
  taken: Iterable<string>,
  rubric?: Pick<RubricBody, 'scale'>,
): FieldNode {
  const label = PALETTE.find((entry) => entry.kind === kind)!.label;
  const key = fieldKeyFromLabel(label, taken);
  const base = { key, label, help: '', conditions: [] };
  if (kind === 'heading') return { kind, ...base, label: 'Section' };
  if (kind === 'group') {
    const item: ItemField = {
      kind: 'short-text',
      key: 'title',
      label: 'Title',
      help: '',
      required: true,
      placeholder: '',
    };
    return { kind, ...base, required: false, fields: [item] };
  }
  return { ...newItemField(kind, key, label, rubric), conditions: [] };
}

/** A new field for a repeating group's item. */
export function newItemField(
  kind: ItemField['kind'],
  key: string,
  label: string,
  rubric?: Pick<RubricBody, 'scale'>,
): ItemField {
  const base = { key, label, help: '', required: false };
  switch (kind) {
    case 'short-text':
    case 'long-text':
      return { kind, ...base, placeholder: '' };
    case 'number':
      return { kind, ...base, integer: false, placeholder: '' };
    case 'rating':
      return { kind, ...base, scale: rubricScale(rubric) };
    case 'single-choice':
      return { kind, ...base, widget: 'radio', options: ['Option 1', 'Option 2'] };
    case 'multiple-choice':
      return { kind, ...base, options: ['Option 1', 'Option 2'] };
    case 'yes-no':
      return { kind, ...base, widget: 'radio' };
    case 'date':
      return { kind, ...base };
  }
}
