import { isJsonObject } from '../json-schema';

/**
 * The JSON pointer of the first place where `a` and `b` differ as JSON values (object key order does not
 * count), or null when they are equal.
 */
export function jsonDifference(a: unknown, b: unknown, path = ''): string | null {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return path || '/';
    for (let index = 0; index < Math.max(a.length, b.length); index++) {
      if (index >= a.length || index >= b.length) return `${path}/${index}`;
      const found = jsonDifference(a[index], b[index], `${path}/${index}`);
      if (found !== null) return found;
    }
    return null;
  }
  if (isJsonObject(a) || isJsonObject(b)) {
    if (!isJsonObject(a) || !isJsonObject(b)) return path || '/';
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const child = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (!(key in a) || !(key in b)) return child;
      const found = jsonDifference(a[key], b[key], child);
      if (found !== null) return found;
    }
    return null;
  }
  return Object.is(a, b) || a === b ? null : path || '/';
}

/** True when `a` and `b` are the same JSON value, whatever the order of object keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  return jsonDifference(a, b) === null;
}
