/** Validators for URL search params: anything malformed in a shared link is dropped, never trusted. */

/** A non-empty string of at most 200 characters, else undefined. */
export function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : undefined;
}

/** `true` (or the text "true") as true; anything else undefined, so the param drops out of the URL. */
export function optionalTrue(value: unknown): true | undefined {
  return value === true || value === 'true' ? true : undefined;
}

/** One of `allowed`, else undefined. */
export function optionalOneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate === value);
}
