import type { FieldError } from '@coachflow/contracts';
import type { ErrorObject } from 'ajv';
import { escapePointer } from './json-pointer';

/**
 * Turns ajv errors into `{path, message}` pairs whose path is a JSON pointer to the offending field,
 * including the field that is missing or not allowed (ajv points at its parent object).
 */
export function ajvErrorsToFieldErrors(
  errors: ErrorObject[] | null | undefined,
  basePath = '',
): FieldError[] {
  const seen = new Set<string>();
  const result: FieldError[] = [];
  for (const error of errors ?? []) {
    let path = `${basePath}${error.instancePath}`;
    let message = error.message ?? 'is not valid';
    if (error.keyword === 'required') {
      path += `/${escapePointer(String(error.params['missingProperty']))}`;
      message = 'is required';
    } else if (error.keyword === 'additionalProperties' || error.keyword === 'unevaluatedProperties') {
      const property = error.params['additionalProperty'] ?? error.params['unevaluatedProperty'];
      path += `/${escapePointer(String(property))}`;
      message = 'is not allowed here';
    }
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ path: path || '/', message });
  }
  return result;
}
