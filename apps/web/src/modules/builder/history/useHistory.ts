import { useCallback, useEffect, useState } from 'react';
import { type History, recordEdit, redo, startHistory, undo } from './history';

export interface Undoable<T> {
  value: T;
  /** Records an edit; `group` merges a run of keystrokes in one input into one step. */
  edit: (next: T | ((current: T) => T), group?: string) => void;
  /** Replaces the value without a step (a load from the server). */
  reset: (value: T) => void;
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
}

/** A value with undo and redo, bound to Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y (⌘ on a Mac) while mounted. */
export function useHistory<T>(initial: T): Undoable<T> {
  const [history, setHistory] = useState<History<T>>(() => startHistory(initial));
  const edit = useCallback((next: T | ((current: T) => T), group?: string) => {
    setHistory((current) => {
      const value = typeof next === 'function' ? (next as (current: T) => T)(current.present) : next;
      return recordEdit(current, value, group);
    });
  }, []);
  const reset = useCallback((value: T) => setHistory(startHistory(value)), []);
  const back = useCallback(() => setHistory(undo), []);
  const forward = useCallback(() => setHistory(redo), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      const redoKey = (key === 'z' && event.shiftKey) || key === 'y';
      if (key !== 'z' && !redoKey) return;
      event.preventDefault();
      if (redoKey) forward();
      else back();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [back, forward]);

  return {
    value: history.present,
    edit,
    reset,
    undo: back,
    redo: forward,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
  };
}
