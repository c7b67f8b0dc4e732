import type { FormBody } from '@coachflow/contracts';
import type { JsonSchema } from '@coachflow/forms';
import { deepEquals } from '@rjsf/utils';

const listOf = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

/** Whether two lists hold the same entries (deep for objects), in any order. */
function sameEntries(before: readonly unknown[], after: readonly unknown[]): boolean {
  if (before.length !== after.length) return false;
  // Names (`required`, `ui:order`) counted, objects (`allOf` entries, one per conditional field) compared.
  const names = new Map<unknown, number>();
  const objects: unknown[] = [];
  for (const entry of before)
    if (typeof entry === 'object' && entry !== null) objects.push(entry);
    else names.set(entry, (names.get(entry) ?? 0) + 1);
  return after.every((entry) => {
    if (typeof entry === 'object' && entry !== null) {
      const at = objects.findIndex((candidate) => deepEquals(candidate, entry));
      return at >= 0 && objects.splice(at, 1).length === 1;
    }
    const count = names.get(entry) ?? 0;
    names.set(entry, count - 1);
    return count > 0;
  });
}

/** Whether `keyword` is a list in both or in neither, with the same entries in any order. */
function sameListButOrder(before: JsonSchema, after: JsonSchema, keyword: string): boolean {
  return (
    Array.isArray(before[keyword]) === Array.isArray(after[keyword]) &&
    sameEntries(listOf(before[keyword]), listOf(after[keyword]))
  );
}

/** `schema` without the keywords that are lists in an order of their own. */
function without(schema: JsonSchema, keywords: readonly string[]): JsonSchema {
  return Object.fromEntries(Object.entries(schema).filter(([keyword]) => !keywords.includes(keyword)));
}

const ORDERED_SCHEMA_LISTS = ['required', 'allOf'];

/**
 * Whether two compiled schemas differ at most in the order of things: of their properties (deepEquals
 * ignores key order), required names and `allOf` entries (one per conditional field), all of which a move
 * reorders. The form's order is its uiSchema's `ui:order`, so such schemas render the same.
 */
export function sameButOrder(before: JsonSchema, after: JsonSchema): boolean {
  return (
    deepEquals(without(before, ORDERED_SCHEMA_LISTS), without(after, ORDERED_SCHEMA_LISTS)) &&
    ORDERED_SCHEMA_LISTS.every((keyword) => sameListButOrder(before, after, keyword))
  );
}

/** Whether two uiSchemas differ at most in the order `ui:order` lists the same names in. */
export function sameUiSchemaButOrder(before: JsonSchema, after: JsonSchema): boolean {
  return (
    deepEquals(without(before, ['ui:order']), without(after, ['ui:order'])) &&
    sameListButOrder(before, after, 'ui:order')
  );
}

/**
 * Whether two form bodies differ at most in the order of their fields (a move). What the API's validator
 * checks of a body (the schema compiles, the uiSchema names its fields, the core fields are kept) does not
 * depend on that order, so such bodies are both valid or both not.
 */
export function sameBodyButOrder(before: FormBody, after: FormBody): boolean {
  return (
    before.name === after.name &&
    before.taskKind === after.taskKind &&
    sameButOrder(before.schema, after.schema) &&
    sameUiSchemaButOrder(before.uiSchema ?? {}, after.uiSchema ?? {})
  );
}
