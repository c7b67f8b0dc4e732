import { getDefaultRegistry } from '@rjsf/core';
import { deepEquals, type FieldProps, type Registry } from '@rjsf/utils';
import { type ComponentType, memo } from 'react';

const RjsfSchemaField = getDefaultRegistry().fields.SchemaField as ComponentType<FieldProps>;

const mentionsRef = new WeakMap<object, boolean>();

/** Whether a schema refers anywhere to another part of the document (`$ref`), which a field's render may follow. */
function hasRef(schema: object): boolean {
  let answer = mentionsRef.get(schema);
  if (answer === undefined) {
    answer = JSON.stringify(schema).includes('"$ref"');
    mentionsRef.set(schema, answer);
  }
  return answer;
}

/**
 * Whether a field would render the same: rjsf's own comparison (deep, functions alike), except that a new
 * root schema alone does not count. rjsf hands every field a registry holding the whole schema, so editing
 * one field's title in the builder made all of them render again (and compare the whole schema, each);
 * a field's own schema, data, errors and uiSchema are what it shows. rjsf resolves references before it
 * hands a field its schema, except a cycle's; so a schema with a `$ref` anywhere renders every field on any
 * change of the root schema, as before, and one without cannot have anything else a field looks up.
 */
export function sameFieldRender(previous: FieldProps, next: FieldProps): boolean {
  const { registry: before, ...previousProps } = previous;
  const { registry: after, ...nextProps } = next;
  if (!deepEquals(previousProps, nextProps)) return false;
  if (before === after) return true;
  return sameRegistryButRoot(before, after);
}

function sameRegistryButRoot(before: Registry, after: Registry): boolean {
  const { rootSchema: rootBefore, schemaUtils: _utilsBefore, ...restBefore } = before;
  const { rootSchema: rootAfter, schemaUtils: _utilsAfter, ...restAfter } = after;
  if (!deepEquals(restBefore, restAfter)) return false;
  if (rootBefore === rootAfter || (!hasRef(rootBefore) && !hasRef(rootAfter))) return true;
  return deepEquals(rootBefore, rootAfter);
}

/** rjsf's SchemaField, rendered again only when what the field shows changed (`sameFieldRender`). */
export const SchemaField = memo(RjsfSchemaField, sameFieldRender);
