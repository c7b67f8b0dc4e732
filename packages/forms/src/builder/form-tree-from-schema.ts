import type { TaskKind } from '@coachflow/contracts';
import { DRAFT_07, DRAFT_2020_12 } from '../compile-form-schema';
import { isJsonObject, type JsonSchema, propertiesOf, requiredOf } from '../json-schema';
import { compileFormTree, RUBRIC_SCALE_OPTION } from './compile-form-tree';
import { conditionsFromIf } from './conditions';
import { coreFieldKeys } from './core-field-nodes';
import type { Condition, FieldNode, FormTree, GroupField, ItemField, RatingScale } from './form-tree';
import { jsonDifference } from './json-difference';

/** The form as the builder edits it, or where in its JSON the builder would have to change something. */
export type FormTreeResult = { ok: true; tree: FormTree } | { ok: false; path: string; message: string };

interface FormInput {
  taskKind?: TaskKind;
  schema: unknown;
  uiSchema?: unknown;
}

class CannotRepresent extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads a form back into a builder tree. It succeeds only when compiling the tree gives the same form back
 * (up to what changes nothing: key order, a missing `ui:order`, `required`, `$schema` or draft-07 tag), so
 * a schema the builder did not write is never mangled: the answer names the first place it would change.
 */
export function formTreeFromSchema(form: FormInput): FormTreeResult {
  try {
    const normalised = normalise(form);
    const tree = readTree(form.taskKind, normalised.schema, normalised.uiSchema);
    const compiled = compileFormTree(tree);
    const schemaDifference = jsonDifference(normalised.schema, compiled.schema, '/schema');
    const uiDifference = jsonDifference(normalised.uiSchema, compiled.uiSchema, '/uiSchema');
    const path = schemaDifference ?? uiDifference;
    if (path) return { ok: false, path, message: `the builder cannot represent ${path}` };
    return { ok: true, tree };
  } catch (error) {
    if (error instanceof CannotRepresent) return { ok: false, path: error.path, message: error.message };
    throw error;
  }
}

function fail(path: string, message: string): never {
  throw new CannotRepresent(path, `${path}: ${message}`);
}

function asSchema(value: unknown, path: string): JsonSchema {
  if (!isJsonObject(value)) fail(path, 'must be an object');
  return value;
}

// Fills in what an equivalent form may leave out, the way rjsf and the API read it.
function normalise(form: FormInput): { schema: JsonSchema; uiSchema: JsonSchema } {
  const schema = structuredClone(asSchema(form.schema, '/schema'));
  const uiSchema = structuredClone(form.uiSchema === undefined ? {} : asSchema(form.uiSchema, '/uiSchema'));
  if (schema['$schema'] === undefined || schema['$schema'] === DRAFT_07) schema['$schema'] = DRAFT_2020_12;
  if (schema['required'] === undefined) schema['required'] = [];
  for (const [key, value] of Object.entries(uiSchema))
    if (isJsonObject(value) && Object.keys(value).length === 0) delete uiSchema[key];
  if (uiSchema['ui:order'] === undefined) uiSchema['ui:order'] = [...topFields(schema).keys()];
  const core = coreFieldKeys(form.taskKind);
  for (const [key, field] of topFields(schema)) {
    if (core.includes(key)) continue;
    const items = field['items'];
    if (field['type'] !== 'array' || !isJsonObject(items) || items['type'] !== 'object') continue;
    if (items['required'] === undefined) items['required'] = [];
    const ui = isJsonObject(uiSchema[key]) ? uiSchema[key] : (uiSchema[key] = {});
    const itemsUi = isJsonObject(ui['items']) ? ui['items'] : (ui['items'] = {});
    if (itemsUi['ui:order'] === undefined) itemsUi['ui:order'] = Object.keys(propertiesOf(items));
  }
  return { schema, uiSchema };
}

// Every field of the top level, the conditional ones (declared in an allOf's then) after the others.
function topFields(schema: JsonSchema): Map<string, JsonSchema> {
  const fields = new Map(Object.entries(propertiesOf(schema)));
  for (const entry of Array.isArray(schema['allOf']) ? schema['allOf'] : []) {
    const then = isJsonObject(entry) && isJsonObject(entry['then']) ? entry['then'] : {};
    for (const [key, field] of Object.entries(propertiesOf(then)))
      if (!fields.has(key)) fields.set(key, field);
  }
  return fields;
}

interface Conditional {
  conditions: Condition[];
  schema: JsonSchema;
  required: boolean;
}

function conditionalFields(schema: JsonSchema): Map<string, Conditional> {
  const found = new Map<string, Conditional>();
  const allOf = schema['allOf'];
  if (allOf === undefined) return found;
  if (!Array.isArray(allOf)) fail('/schema/allOf', 'must be a list of conditions');
  for (const [index, entry] of allOf.entries()) {
    const path = `/schema/allOf/${index}`;
    const then = isJsonObject(entry) ? entry['then'] : undefined;
    const conditions = isJsonObject(entry) ? conditionsFromIf(entry['if']) : null;
    const keys = isJsonObject(then) ? Object.keys(propertiesOf(then)) : [];
    if (!conditions || !isJsonObject(then) || keys.length !== 1)
      fail(path, 'is not a "show when" condition on one field');
    const key = keys[0]!;
    if (found.has(key)) fail(path, `"${key}" is shown by two conditions`);
    found.set(key, {
      conditions,
      schema: propertiesOf(then)[key]!,
      required: requiredOf(then).includes(key),
    });
  }
  return found;
}

function readTree(taskKind: TaskKind | undefined, schema: JsonSchema, uiSchema: JsonSchema): FormTree {
  const properties = propertiesOf(schema);
  const required = requiredOf(schema);
  const conditional = conditionalFields(schema);
  const order = uiSchema['ui:order'];
  if (!Array.isArray(order) || !order.every((key) => typeof key === 'string'))
    fail('/uiSchema/ui:order', 'must list the fields');
  const core = coreFieldKeys(taskKind);
  const fields = (order as string[]).map((key): FieldNode => {
    const path = `/schema/properties/${key}`;
    const ui = uiSchema[key] === undefined ? {} : asSchema(uiSchema[key], `/uiSchema/${key}`);
    const rule = conditional.get(key);
    if (core.includes(key)) {
      if (!properties[key]) fail(path, `the core field "${key}" must not be conditional`);
      const field = properties[key];
      return {
        kind: 'core',
        key,
        label: textOf(field['title']),
        help: textOf(field['description']),
        ...(uiSchema[key] !== undefined ? { ui } : {}),
      };
    }
    const field = rule?.schema ?? properties[key];
    if (!field) fail('/uiSchema/ui:order', `names "${key}", which is no field`);
    const node = readTopField(key, field, ui, rule ? rule.required : required.includes(key), path);
    return { ...node, conditions: rule?.conditions ?? [] } as FieldNode;
  });
  return {
    ...(taskKind ? { taskKind } : {}),
    title: textOf(schema['title']),
    description: textOf(schema['description']),
    fields,
  };
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function readTopField(key: string, field: JsonSchema, ui: JsonSchema, required: boolean, path: string) {
  if (field['type'] === 'null')
    return {
      kind: 'heading' as const,
      key,
      label: textOf(field['title']),
      help: textOf(field['description']),
    };
  if (field['type'] === 'array' && isJsonObject(field['items']) && field['items']['type'] === 'object')
    return readGroup(key, field, ui, required, path);
  return readItemField(key, field, ui, required, path);
}

function readGroup(
  key: string,
  field: JsonSchema,
  ui: JsonSchema,
  required: boolean,
  path: string,
): GroupField {
  const items = field['items'] as JsonSchema;
  const itemsUi = isJsonObject(ui['items']) ? ui['items'] : {};
  const properties = propertiesOf(items);
  const itemRequired = requiredOf(items);
  const order = Array.isArray(itemsUi['ui:order']) ? (itemsUi['ui:order'] as unknown[]) : [];
  return {
    kind: 'group',
    key,
    label: textOf(field['title']),
    help: textOf(field['description']),
    required,
    ...numbers(field, 'minItems', 'maxItems'),
    fields: order.map((itemKey) => {
      const itemPath = `${path}/items/properties/${String(itemKey)}`;
      const itemField = typeof itemKey === 'string' ? properties[itemKey] : undefined;
      if (!itemField) fail(itemPath, 'is not a field of the item');
      const itemUi = isJsonObject(itemsUi[itemKey as string])
        ? (itemsUi[itemKey as string] as JsonSchema)
        : {};
      return readItemField(
        itemKey as string,
        itemField,
        itemUi,
        itemRequired.includes(itemKey as string),
        itemPath,
      );
    }),
  };
}

function numbers(field: JsonSchema, ...keywords: string[]): Record<string, number> {
  return Object.fromEntries(
    keywords
      .filter((keyword) => typeof field[keyword] === 'number')
      .map((keyword) => [keyword, field[keyword]]),
  ) as Record<string, number>;
}

function withDefault(field: JsonSchema): { default?: never } {
  return (field['default'] !== undefined ? { default: field['default'] } : {}) as { default?: never };
}

function readItemField(
  key: string,
  field: JsonSchema,
  ui: JsonSchema,
  required: boolean,
  path: string,
): ItemField {
  const common = { key, label: textOf(field['title']), help: textOf(field['description']), required };
  const widget = ui['ui:widget'];
  const placeholder = textOf(ui['ui:placeholder']);
  switch (field['type']) {
    case 'boolean':
      return {
        kind: 'yes-no',
        ...common,
        widget: widget === 'radio' ? 'radio' : 'checkbox',
        ...withDefault(field),
      };
    case 'string':
      if (field['format'] === 'date') return { kind: 'date', ...common, ...withDefault(field) };
      if (Array.isArray(field['enum']))
        return {
          kind: 'single-choice',
          ...common,
          widget: widget === 'radio' ? 'radio' : 'select',
          options: field['enum'].map(String),
          ...withDefault(field),
        };
      return {
        kind: widget === 'textarea' ? 'long-text' : 'short-text',
        ...common,
        placeholder,
        ...numbers(field, 'minLength', 'maxLength'),
        ...withDefault(field),
      };
    case 'integer':
    case 'number':
      if (Array.isArray(field['oneOf']))
        return { kind: 'rating', ...common, scale: readScale(field, ui), ...withDefault(field) };
      return {
        kind: 'number',
        ...common,
        integer: field['type'] === 'integer',
        placeholder,
        ...numbers(field, 'minimum', 'maximum'),
        ...withDefault(field),
      };
    case 'array': {
      const items = isJsonObject(field['items']) ? field['items'] : {};
      if (!Array.isArray(items['enum'])) break;
      return {
        kind: 'multiple-choice',
        ...common,
        options: items['enum'].map(String),
        ...numbers(field, 'minItems', 'maxItems'),
        ...withDefault(field),
      };
    }
  }
  return fail(path, 'is a kind of field the builder does not have');
}

function readScale(field: JsonSchema, ui: JsonSchema): RatingScale {
  const options = isJsonObject(ui['ui:options']) ? ui['ui:options'] : {};
  const labels: Record<string, string> = {};
  for (const point of field['oneOf'] as unknown[]) {
    if (!isJsonObject(point)) continue;
    const prefix = `${String(point['const'])} – `;
    const title = textOf(point['title']);
    if (title.startsWith(prefix)) labels[String(point['const'])] = title.slice(prefix.length);
  }
  return {
    fromRubric: options[RUBRIC_SCALE_OPTION] === 'rubric',
    min: typeof field['minimum'] === 'number' ? field['minimum'] : 0,
    max: typeof field['maximum'] === 'number' ? field['maximum'] : 0,
    labels,
  };
}
