import { useEffect, useMemo, useState } from 'react';

/**
 * `check(value)`, run a moment after `value` last changed instead of on every keystroke: the API's form
 * validator compiles the schema, which on a form of hundreds of fields takes longer than a keystroke. The
 * check may answer later (a worker's). `sameAnswer(checked, value, result)` says when the last answer
 * holds for a new value too (a move of a valid form's field), which is then not checked again.
 * Answers the last check and whether it was of the current value.
 */
export function useDeferredCheck<T, R>(
  value: T,
  check: (value: T) => R | Promise<R>,
  delayMs: number,
  sameAnswer?: (checked: T, value: T, result: R) => boolean,
): { result: R | undefined; current: boolean } {
  const [checked, setChecked] = useState<{ value: T; result: R }>();
  const known = useMemo(
    () =>
      checked !== undefined &&
      (checked.value === value || sameAnswer?.(checked.value, value, checked.result) === true),
    [checked, value, sameAnswer],
  );
  useEffect(() => {
    if (known) return;
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
  }, [known, value, check, delayMs]);
  return { result: checked?.result, current: known };
}
