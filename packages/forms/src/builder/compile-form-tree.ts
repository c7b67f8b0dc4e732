import type { TaskKind } from '@coachflow/contracts';
import { DRAFT_2020_12 } from '../compile-form-schema';
import type { JsonSchema } from '../json-schema';
import { TASK_CORE_FIELDS } from '../task-core-fields';
import { conditionsToIf } from './conditions';
import type { FieldNode, FormTree, GroupField, ItemField, RatingScale, TopField } from './form-tree';

/** A form's schema and uiSchema, as the API stores them. */
export interface FormDocument {
  schema: JsonSchema;
  uiSchema: JsonSchema;
}

/** Builder metadata in a rating's `ui:options`: the scale follows the playbook's rubric. */
export const RUBRIC_SCALE_OPTION = 'ratingScale';

/**
 * Compiles a builder tree to the JSON Schema (draft 2020-12) and uiSchema it stands for. A field with
 * conditions is declared only in the `then` of an `allOf` entry, so rjsf shows it and the API requires it
 * exactly when its conditions hold. `ui:order` keeps the order (stored JSON objects do not).
 *
 * A field compiled before is not compiled again (`compiledField`), so documents compiled from trees that
 * share a field share its schema and uiSchema objects: treat a compiled document as read-only.
 */
export function compileFormTree(tree: FormTree): FormDocument {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  const allOf: JsonSchema[] = [];
  const uiSchema: JsonSchema = {};
  for (const node of tree.fields) {
    const { schema, ui } = compiledField(node, tree.taskKind);
    const isRequired =
      node.kind === 'core'
        ? tree.taskKind !== undefined && TASK_CORE_FIELDS[tree.taskKind].required.includes(node.key)
        : node.kind !== 'heading' && node.required;
    if (node.kind !== 'core' && node.conditions.length > 0) {
      allOf.push({
        if: conditionsToIf(node.conditions),
        then: { properties: { [node.key]: schema }, ...(isRequired ? { required: [node.key] } : {}) },
      });
    } else {
      properties[node.key] = schema;
      if (isRequired) required.push(node.key);
    }
    if (ui) uiSchema[node.key] = ui;
  }
  uiSchema['ui:order'] = tree.fields.map((node) => node.key);
  return {
    schema: {
      $schema: DRAFT_2020_12,
      type: 'object',
      ...text('title', tree.title),
      ...text('description', tree.description),
      properties,
      required,
      ...(allOf.length > 0 ? { allOf } : {}),
    },
    uiSchema,
  };
}

interface CompiledField {
  taskKind: TaskKind | undefined;
  schema: JsonSchema;
  ui: JsonSchema | undefined;
}

const compiledFields = new WeakMap<FieldNode, CompiledField>();

/**
 * A field's schema and uiSchema, compiled once per node: an edit replaces the nodes it changes and keeps the
 * rest, so the builder compiles the field that changed, not all of them, and a field's compiled objects stay
 * the same while it does (the preview's fields compare them by identity first).
 */
function compiledField(node: FieldNode, taskKind: TaskKind | undefined): CompiledField {
  const known = compiledFields.get(node);
  if (known && known.taskKind === taskKind) return known;
  const compiled = { taskKind, schema: fieldSchema(node, taskKind), ui: fieldUi(node) };
  compiledFields.set(node, compiled);
  return compiled;
}

function text(keyword: string, value: string): JsonSchema {
  return value ? { [keyword]: value } : {};
}

function defined(entries: Record<string, unknown>): JsonSchema {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
}

function fieldSchema(node: FieldNode, taskKind: TaskKind | undefined): JsonSchema {
  const described = { ...text('title', node.label), ...text('description', node.help) };
  if (node.kind === 'core') {
    const core = taskKind ? TASK_CORE_FIELDS[taskKind].properties[node.key] : undefined;
    if (!core)
      throw new Error(`"${node.key}" is not a core field of ${taskKind ?? 'a form without a task kind'}`);
    return { ...core, ...described };
  }
  if (node.kind === 'heading') return { type: 'null', ...described };
  if (node.kind === 'group') return groupSchema(node, described);
  return itemSchema(node, described);
}

function groupSchema(node: GroupField, described: JsonSchema): JsonSchema {
  return defined({
    type: 'array',
    ...described,
    minItems: node.minItems,
    maxItems: node.maxItems,
    items: {
      type: 'object',
      properties: Object.fromEntries(
        node.fields.map((field) => [
          field.key,
          itemSchema(field, { ...text('title', field.label), ...text('description', field.help) }),
        ]),
      ),
      required: node.fields.filter((field) => field.required).map((field) => field.key),
    },
  });
}

function itemSchema(node: ItemField, described: JsonSchema): JsonSchema {
  switch (node.kind) {
    case 'short-text':
    case 'long-text':
      return defined({
        type: 'string',
        ...described,
        minLength: node.minLength,
        maxLength: node.maxLength,
        default: node.default,
      });
    case 'number':
      return defined({
        type: node.integer ? 'integer' : 'number',
        ...described,
        minimum: node.minimum,
        maximum: node.maximum,
        default: node.default,
      });
    case 'rating':
      return defined({
        type: 'integer',
        ...described,
        minimum: node.scale.min,
        maximum: node.scale.max,
        oneOf: ratingPoints(node.scale),
        default: node.default,
      });
    case 'single-choice':
      return defined({ type: 'string', ...described, enum: node.options, default: node.default });
    case 'multiple-choice':
      return defined({
        type: 'array',
        ...described,
        items: { type: 'string', enum: node.options },
        uniqueItems: true,
        minItems: node.minItems,
        maxItems: node.maxItems,
        default: node.default,
      });
    case 'yes-no':
      return defined({ type: 'boolean', ...described, default: node.default });
    case 'date':
      return defined({ type: 'string', format: 'date', ...described, default: node.default });
  }
}

/** Each point of a scale as a choice titled like the rubric's ratings ("3 – Often"). */
export function ratingPoints(scale: Pick<RatingScale, 'min' | 'max' | 'labels'>): JsonSchema[] {
  return Array.from({ length: scale.max - scale.min + 1 }, (_, index) => {
    const point = scale.min + index;
    const label = scale.labels[String(point)];
    return { const: point, title: label ? `${point} – ${label}` : String(point) };
  });
}

function fieldUi(node: FieldNode): JsonSchema | undefined {
  if (node.kind === 'core') return node.ui;
  if (node.kind === 'group') {
    const items: JsonSchema = {};
    for (const field of node.fields) {
      const ui = itemUi(field);
      if (ui) items[field.key] = ui;
    }
    items['ui:order'] = node.fields.map((field) => field.key);
    return { items };
  }
  if (node.kind === 'heading') return undefined;
  return itemUi(node);
}

function itemUi(node: Exclude<TopField, GroupField | { kind: 'heading' }>): JsonSchema | undefined {
  const ui: JsonSchema = {};
  switch (node.kind) {
    case 'long-text':
      ui['ui:widget'] = 'textarea';
      break;
    case 'rating':
      ui['ui:widget'] = 'radio';
      ui['ui:options'] = {
        inline: true,
        ...(node.scale.fromRubric ? { [RUBRIC_SCALE_OPTION]: 'rubric' } : {}),
      };
      break;
    case 'single-choice':
    case 'yes-no':
      if (node.widget === 'radio') ui['ui:widget'] = 'radio';
      break;
    case 'multiple-choice':
      ui['ui:widget'] = 'checkboxes';
      break;
  }
  if ('placeholder' in node && node.placeholder) ui['ui:placeholder'] = node.placeholder;
  return Object.keys(ui).length > 0 ? ui : undefined;
}
