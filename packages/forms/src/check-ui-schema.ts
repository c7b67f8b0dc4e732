import type { FieldError } from '@coachflow/contracts';
import { isJsonObject, type JsonSchema, propertiesOf } from './json-schema';

/**
 * The uiSchema may only describe fields the schema has: a key that names no field is a typo that would
 * silently do nothing in the form. `ui:order` may name fields and `*` only. A field declared in the `then`
 * of an `allOf` entry (shown when its condition holds) is a field too.
 */
export function checkUiSchema(schema: JsonSchema, uiSchema: unknown, basePath = '/uiSchema'): FieldError[] {
  if (uiSchema === undefined) return [];
  if (!isJsonObject(uiSchema)) return [{ path: basePath, message: 'must be an object' }];
  const errors: FieldError[] = [];
  const properties = fieldsOf(schema);
  for (const [key, value] of Object.entries(uiSchema)) {
    const path = `${basePath}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (key === 'ui:order') {
      const order = Array.isArray(value) ? value : [];
      for (const [index, name] of order.entries()) {
        if (name !== '*' && !(typeof name === 'string' && name in properties)) {
          errors.push({ path: `${path}/${index}`, message: `names no field of the schema` });
        }
      }
      continue;
    }
    if (key.startsWith('ui:')) continue;
    if (key === 'items' && isJsonObject(schema['items'])) {
      errors.push(...checkUiSchema(schema['items'], value, path));
      continue;
    }
    const field = properties[key];
    if (!field) errors.push({ path, message: 'names no field of the schema' });
    else if (isJsonObject(value)) errors.push(...checkUiSchema(field, value, path));
  }
  return errors;
}

function fieldsOf(schema: JsonSchema): Record<string, JsonSchema> {
  const fields = { ...propertiesOf(schema) };
  for (const entry of Array.isArray(schema['allOf']) ? schema['allOf'] : [])
    if (isJsonObject(entry) && isJsonObject(entry['then']))
      Object.assign(fields, propertiesOf(entry['then']));
  return fields;
}
