import type { Condition, FieldNode, PaletteKind } from '@coachflow/forms';
import { PALETTE } from '@coachflow/forms';

/** The palette's name for a kind of field ("Short text"); core fields are "Locked". */
export function kindName(kind: FieldNode['kind']): string {
  return kind === 'core'
    ? 'Locked'
    : (PALETTE.find((entry) => entry.kind === (kind as PaletteKind))?.label ?? kind);
}

export function fieldName(field: { key: string; label: string }): string {
  return field.label.trim() || field.key;
}

function valueWords(value: Condition['value'], source: FieldNode | undefined): string {
  if (typeof value === 'boolean') return source?.kind === 'yes-no' ? (value ? 'yes' : 'no') : String(value);
  if (Array.isArray(value)) return value.map((item) => `“${item}”`).join(' or ');
  return typeof value === 'string' ? `“${value}”` : String(value);
}

/** A field's conditions read as a sentence: "Shown when “Agreed?” is no and “Score” is at least 3". */
export function conditionSentence(conditions: readonly Condition[], fields: readonly FieldNode[]): string {
  const parts = conditions.map((condition) => {
    const source = fields.find((field) => field.key === condition.field);
    const name = source ? fieldName(source) : condition.field;
    const op = { is: 'is', 'is-one-of': 'is one of', 'is-at-least': 'is at least' }[condition.op];
    return `“${name}” ${op} ${valueWords(condition.value, source)}`;
  });
  return `Shown when ${parts.join(' and ')}`;
}
