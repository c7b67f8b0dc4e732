/** How many steps undo reaches back; the issue asks for at least 100. */
export const HISTORY_LIMIT = 200;

/** An editor's past, present and future; every builder edit goes through it, so every edit is undoable. */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  /** The kind of the last edit and when it was made: typing into one input merges into one step. */
  lastEdit?: { group: string; at: number };
}

export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

const MERGE_WITHIN_MS = 800;

/**
 * The history after an edit. Consecutive edits of the same `group` (one input being typed into) within a
 * moment merge into one step, so undo takes back a word, not a letter.
 */
export function recordEdit<T>(history: History<T>, next: T, group?: string, at = Date.now()): History<T> {
  if (Object.is(next, history.present)) return history;
  const merge =
    group !== undefined &&
    history.lastEdit?.group === group &&
    at - history.lastEdit.at < MERGE_WITHIN_MS &&
    history.past.length > 0;
  const past = merge ? history.past : [...history.past, history.present].slice(-HISTORY_LIMIT);
  return { past, present: next, future: [], lastEdit: group === undefined ? undefined : { group, at } };
}

export function undo<T>(history: History<T>): History<T> {
  const previous = history.past.at(-1);
  if (previous === undefined) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] };
}

export function redo<T>(history: History<T>): History<T> {
  const [next, ...future] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future };
}
