import { isJsonObject, type JsonSchema } from '../json-schema';
import type { Condition } from './form-tree';

/**
 * The `if` of a conditional field: every rule holds (AND). Each source is also required, so an unanswered
 * field never satisfies a rule; the API (ajv) and rjsf read the same `if`.
 */
export function conditionsToIf(conditions: Condition[]): JsonSchema {
  return {
    properties: Object.fromEntries(conditions.map((condition) => [condition.field, valueTest(condition)])),
    required: conditions.map((condition) => condition.field),
  };
}

function valueTest(condition: Condition): JsonSchema {
  switch (condition.op) {
    case 'is':
      return { const: condition.value };
    case 'is-one-of':
      return { enum: condition.value };
    case 'is-at-least':
      return { minimum: condition.value };
  }
}

/**
 * The rules an `if` written by conditionsToIf holds, in their order (`required` keeps it: an object's keys
 * do not survive storage in order), or null when it is not such an `if`.
 */
export function conditionsFromIf(schema: unknown): Condition[] | null {
  if (!isJsonObject(schema) || !isJsonObject(schema['properties']) || !Array.isArray(schema['required']))
    return null;
  const tests = schema['properties'];
  const conditions: Condition[] = [];
  for (const field of schema['required']) {
    const test = typeof field === 'string' ? tests[field] : undefined;
    if (!isJsonObject(test)) return null;
    const condition = conditionFromTest(field as string, test);
    if (!condition) return null;
    conditions.push(condition);
  }
  return conditions.length > 0 ? conditions : null;
}

function conditionFromTest(field: string, test: JsonSchema): Condition | null {
  const value = test['const'] ?? test['enum'] ?? test['minimum'];
  if ('const' in test && ['string', 'number', 'boolean'].includes(typeof value))
    return { field, op: 'is', value: value as string | number | boolean };
  if ('enum' in test && Array.isArray(value) && value.every((item) => typeof item === 'string'))
    return { field, op: 'is-one-of', value: value as string[] };
  if ('minimum' in test && typeof value === 'number') return { field, op: 'is-at-least', value };
  return null;
}
