import { useRef } from 'react';

/**
 * `items`, or the array returned last time when it holds the same elements in the same order: a list derived
 * on every render (the fields above the selected one, every key) then keeps its identity while its elements
 * do, so the memoised panes that take it are not rendered again.
 */
export function useSameArray<T>(items: readonly T[]): readonly T[] {
  const last = useRef(items);
  const previous = last.current;
  const same =
    previous.length === items.length && previous.every((item, index) => Object.is(item, items[index]));
  if (!same) last.current = items;
  return last.current;
}
