import { useEffect, useState } from 'react';

/**
 * `check(value)`, run a moment after `value` last changed instead of on every keystroke: the API's form
 * validator compiles the schema, which on a form of hundreds of fields takes longer than a keystroke.
 * Answers the last check and whether it was of the current value.
 */
export function useDeferredCheck<T, R>(
  value: T,
  check: (value: T) => R,
  delayMs: number,
): { result: R | undefined; current: boolean } {
  const [checked, setChecked] = useState<{ value: T; result: R }>();
  useEffect(() => {
    const timer = setTimeout(() => setChecked({ value, result: check(value) }), delayMs);
    return () => clearTimeout(timer);
  }, [value, check, delayMs]);
  return { result: checked?.result, current: checked !== undefined && checked.value === value };
}
