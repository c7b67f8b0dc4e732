/** The longest return path a sign-in carries back (the web app's longest shareable URL fits well within). */
const MAX_PATH_LENGTH = 2000;

/**
 * `value` when it is a path of this origin to return to after signing in (`/cycles/…?tab=…`, URL-encoded),
 * else undefined: never another origin (`//host`, `/\host`, `https:`), nor anything but visible ASCII (a
 * redirect's Location header carries it: no spaces, no control characters to split it with).
 */
export function inAppPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_PATH_LENGTH || !/^[\x21-\x7e]+$/.test(value))
    return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return undefined;
  return value;
}
