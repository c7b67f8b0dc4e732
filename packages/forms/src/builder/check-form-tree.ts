import { coreFieldKeys } from './core-field-nodes';
import type { Condition, FieldNode, FormTree, ItemField } from './form-tree';

/** A problem with one field of a builder tree, for the properties pane to show beside `property`. */
export interface TreeIssue {
  /** Key of the top-level field; `item` names the field inside a repeating group. */
  field: string;
  item?: string;
  property: string;
  message: string;
}

/** Field keys become JSON property names: a letter, then letters, digits or underscores. */
export const FIELD_KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

const MAX_TEXT = 2000;

/**
 * The rules a builder tree must keep to compile to a sensible form: keys valid and unique, choices with
 * distinct options, limits the right way round, defaults within them, and every condition on an earlier
 * field it can test. The core fields of the task kind are all there, and only they are core.
 */
export function checkFormTree(tree: FormTree): TreeIssue[] {
  const issues: TreeIssue[] = [];
  const core = coreFieldKeys(tree.taskKind);
  const seen = new Map<string, FieldNode>();
  for (const node of tree.fields) {
    const issue = (property: string, message: string) => issues.push({ field: node.key, property, message });
    if (!FIELD_KEY_PATTERN.test(node.key))
      issue('key', 'must start with a letter, then letters, digits or _');
    if (seen.has(node.key)) issue('key', `"${node.key}" is used by another field`);
    if (node.kind === 'core' && !core.includes(node.key))
      issue('key', `"${node.key}" is not a core field of this task kind`);
    if (node.kind !== 'core' && core.includes(node.key))
      issue('key', `"${node.key}" is reserved for the task kind's core field`);
    issues.push(...checkText(node));
    if (node.kind !== 'core' && node.kind !== 'heading' && node.kind !== 'group')
      issues.push(...checkItem(node).map((found) => ({ ...found, field: node.key })));
    if (node.kind === 'group') {
      if (node.fields.length === 0) issue('fields', 'needs at least one field in each item');
      issues.push(...checkRange(node.key, 'minItems', node.minItems, node.maxItems));
      const itemKeys = new Set<string>();
      for (const item of node.fields) {
        const itemIssue = (property: string, message: string) =>
          issues.push({ field: node.key, item: item.key, property, message });
        if (!FIELD_KEY_PATTERN.test(item.key))
          itemIssue('key', 'must start with a letter, then letters, digits or _');
        if (itemKeys.has(item.key)) itemIssue('key', `"${item.key}" is used by another field of the item`);
        itemKeys.add(item.key);
        issues.push(...checkText(item).map((found) => ({ ...found, field: node.key, item: item.key })));
        issues.push(...checkItem(item).map((found) => ({ ...found, field: node.key, item: item.key })));
      }
    }
    if (node.kind !== 'core')
      for (const [index, condition] of node.conditions.entries()) {
        const message = conditionProblem(condition, seen, node.conditions.slice(0, index));
        if (message) issue(`conditions/${index}`, message);
      }
    seen.set(node.key, node);
  }
  for (const key of core)
    if (!tree.fields.some((node) => node.kind === 'core' && node.key === key))
      issues.push({ field: key, property: 'key', message: `a ${tree.taskKind} form must keep "${key}"` });
  return issues;
}

function checkText(node: { key: string; label: string; help: string }): TreeIssue[] {
  const issues: TreeIssue[] = [];
  if (node.label.length > 200)
    issues.push({ field: node.key, property: 'label', message: 'must be at most 200 characters' });
  if (node.help.length > MAX_TEXT)
    issues.push({ field: node.key, property: 'help', message: `must be at most ${MAX_TEXT} characters` });
  return issues;
}

function checkRange(
  field: string,
  property: string,
  min: number | undefined,
  max: number | undefined,
): TreeIssue[] {
  if (min !== undefined && max !== undefined && min > max)
    return [{ field, property, message: 'the minimum must not be above the maximum' }];
  return [];
}

function checkItem(node: ItemField): TreeIssue[] {
  const issues: TreeIssue[] = [];
  const issue = (property: string, message: string) => issues.push({ field: node.key, property, message });
  switch (node.kind) {
    case 'short-text':
    case 'long-text':
      issues.push(...checkRange(node.key, 'minLength', node.minLength, node.maxLength));
      if (node.default !== undefined && node.maxLength !== undefined && node.default.length > node.maxLength)
        issue('default', 'is longer than the maximum length');
      if (node.default !== undefined && node.minLength !== undefined && node.default.length < node.minLength)
        issue('default', 'is shorter than the minimum length');
      break;
    case 'number':
      issues.push(...checkRange(node.key, 'minimum', node.minimum, node.maximum));
      if (node.default !== undefined) {
        if (node.integer && !Number.isInteger(node.default)) issue('default', 'must be a whole number');
        if (
          (node.minimum !== undefined && node.default < node.minimum) ||
          (node.maximum !== undefined && node.default > node.maximum)
        )
          issue('default', 'is outside the limits');
      }
      break;
    case 'rating': {
      const { min, max, labels } = node.scale;
      if (!Number.isInteger(min) || !Number.isInteger(max) || min >= max)
        issue('scale', 'needs whole points, the lowest below the highest');
      else if (max - min > 20) issue('scale', 'may have at most 21 points');
      for (const [point, label] of Object.entries(labels))
        if (Number(point) < min || Number(point) > max || !label)
          issue('scale', `point ${point} is not on the scale`);
      if (
        node.default !== undefined &&
        (node.default < min || node.default > max || !Number.isInteger(node.default))
      )
        issue('default', 'is not a point of the scale');
      break;
    }
    case 'single-choice':
    case 'multiple-choice': {
      if (node.options.length === 0) issue('options', 'needs at least one option');
      if (node.options.some((option) => option.trim() === '')) issue('options', 'must not be empty');
      if (new Set(node.options).size !== node.options.length)
        issue('options', 'must be different from each other');
      if (node.kind === 'single-choice' && node.default !== undefined && !node.options.includes(node.default))
        issue('default', 'is not one of the options');
      if (node.kind === 'multiple-choice') {
        issues.push(...checkRange(node.key, 'minItems', node.minItems, node.maxItems));
        if (node.default?.some((choice) => !node.options.includes(choice)))
          issue('default', 'is not one of the options');
      }
      break;
    }
    case 'date':
      if (node.default !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(node.default))
        issue('default', 'must be a date');
      break;
    case 'yes-no':
      break;
  }
  return issues;
}

const TESTABLE: Record<Condition['op'], FieldNode['kind'][]> = {
  is: ['short-text', 'number', 'rating', 'single-choice', 'yes-no', 'date'],
  'is-one-of': ['single-choice', 'short-text'],
  'is-at-least': ['number', 'rating'],
};

function conditionProblem(
  condition: Condition,
  earlier: Map<string, FieldNode>,
  before: Condition[],
): string | null {
  const source = earlier.get(condition.field);
  if (!source) return `must test a field above this one`;
  if (before.some((other) => other.field === condition.field)) return `tests "${condition.field}" twice`;
  if (!TESTABLE[condition.op].includes(source.kind)) return `cannot test a ${source.kind} field that way`;
  const value = condition.value;
  switch (source.kind) {
    case 'yes-no':
      return typeof value === 'boolean' ? null : 'must be yes or no';
    case 'number':
    case 'rating':
      return typeof value === 'number' ? null : 'must be a number';
    case 'single-choice': {
      const values = Array.isArray(value) ? value : [value];
      if (values.length === 0) return 'needs at least one option';
      return values.every((item) => typeof item === 'string' && source.options.includes(item))
        ? null
        : 'must be one of the field’s options';
    }
    default:
      if (Array.isArray(value)) return value.length > 0 ? null : 'needs at least one value';
      return typeof value === 'string' ? null : 'must be text';
  }
}
