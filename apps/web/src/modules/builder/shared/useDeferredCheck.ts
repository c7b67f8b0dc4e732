import { useEffect, useState } from 'react';

/**
 * `check(value)`, run a moment after `value` last changed instead of on every keystroke: the API's form
 * validator compiles the schema, which on a form of hundreds of fields takes longer than a keystroke. The
 * check may answer later (a worker's).
 * Answers the last check and whether it was of the current value.
 */
export function useDeferredCheck<T, R>(
  value: T,
  check: (value: T) => R | Promise<R>,
  delayMs: number,
): { result: R | undefined; current: boolean } {
  const [checked, setChecked] = useState<{ value: T; result: R }>();
  useEffect(() => {
    let stale = false;
    const timer = setTimeout(async () => {
      const result = await check(value);
      // An answer for a value edited since is dropped: the check of the new one is on its way.
      if (!stale) setChecked({ value, result });
    }, delayMs);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [value, check, delayMs]);
  return { result: checked?.result, current: checked !== undefined && checked.value === value };
}
