import { Type } from '@sinclair/typebox';

/** A UUID as the API writes ids. */
export const Uuid = Type.String({ format: 'uuid' });

/**
 * Free text a person typed: bounded so no request can make us store megabytes in a name, and without NUL,
 * which Postgres text cannot hold (it would be a 500 instead of a 400).
 */
export const ShortText = (maxLength = 200) =>
  Type.String({ minLength: 1, maxLength, pattern: '^[^\\u0000]*$' });

/** One of a fixed list of strings, as a JSON Schema `enum` whose static type is the union of the values. */
export function oneOf<T extends readonly string[]>(values: T) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
}
