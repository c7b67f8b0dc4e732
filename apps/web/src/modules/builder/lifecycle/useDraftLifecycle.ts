import { useBlocker } from '@tanstack/react-router';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiProblem, problemMessage } from '#web/api/problem';
import {
  type BodyOf,
  type ConfigurationCollection,
  publishDraft,
  readLatest,
  saveDraft,
  userName,
  type ViewOf,
} from './configuration-api';

export const AUTOSAVE_DELAY_MS = 800;

export type SaveState =
  | { status: 'loading' }
  | { status: 'saved' }
  | { status: 'unsaved' }
  | { status: 'saving' }
  | { status: 'invalid' }
  | { status: 'error'; message: string }
  | { status: 'conflict'; by: string; at: string; theirs: unknown };

/**
 * Loads a rubric, form or playbook, autosaves its draft a moment after the last edit (PUT with If-Match, so
 * a concurrent edit is a 409, reported with who made it; what was typed stays), publishes, and guards
 * against leaving with unsaved changes.
 */
export function useDraftLifecycle<C extends ConfigurationCollection>(options: {
  collection: C;
  id: string;
  /** The body the current edits stand for (null until there is one). */
  body: BodyOf[C] | null;
  /** Whether that body may be saved: only a valid one is; one still being checked waits for the answer. */
  check: 'valid' | 'invalid' | 'checking';
  /**
   * Called with a loaded version: replaces what is being edited, without an undo step, or as one
   * (`asEdit`, when taking someone else's version after a conflict, so undo brings yours back).
   */
  onLoad: (view: ViewOf<C>, asEdit: boolean) => void;
  /** Something typed that is not in the body (JSON that does not parse): leaving would lose it too. */
  unsavedElsewhere?: boolean;
}) {
  const { collection, id, body, check } = options;
  const [state, setState] = useState<SaveState>({ status: 'loading' });
  const [view, setView] = useState<ViewOf<C>>();
  const etag = useRef<string | null>(null);
  const saved = useRef<string | undefined>(undefined);
  const onLoad = useRef(options.onLoad);
  onLoad.current = options.onLoad;
  const serialized = body === null ? null : JSON.stringify(body);

  const load = useCallback(async () => {
    const latest = await readLatest(collection, id);
    etag.current = latest.etag;
    setView(latest.view);
    onLoad.current(latest.view, false);
    saved.current = undefined; // set from the first body the editor derives from it
    setState({ status: 'saved' });
  }, [collection, id]);

  useEffect(() => {
    load().catch((error: unknown) => setState({ status: 'error', message: problemMessage(error) }));
  }, [load]);

  const save = useCallback(async () => {
    if (serialized === null || check !== 'valid') return; // nothing invalid is sent
    setState({ status: 'saving' });
    try {
      const written = await saveDraft(collection, id, JSON.parse(serialized) as BodyOf[C], etag.current);
      etag.current = written.etag;
      saved.current = serialized;
      setView(written.view);
      setState({ status: 'saved' });
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 409) {
        const theirs = await readLatest(collection, id);
        setState({
          status: 'conflict',
          by: await userName(theirs.view.updatedBy),
          at: theirs.view.updatedAt,
          theirs,
        });
      } else setState({ status: 'error', message: problemMessage(error) });
    }
  }, [collection, id, serialized, check]);

  useEffect(() => {
    if (state.status === 'loading' || state.status === 'conflict' || state.status === 'saving') return;
    if (serialized === null) return;
    if (saved.current === undefined) {
      saved.current = serialized; // what was just loaded: nothing to save
      return;
    }
    if (serialized === saved.current) {
      if (state.status !== 'saved' && state.status !== 'error') setState({ status: 'saved' });
      return;
    }
    if (check === 'invalid') {
      setState({ status: 'invalid' });
      return;
    }
    setState({ status: 'unsaved' });
    if (check === 'checking') return; // saved once the check says it is valid
    const timer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
    // Re-run on each edit only; a state change to 'unsaved' must not restart the debounce.
  }, [serialized, check, save]);

  /** After a 409: take their version (what you typed is replaced, and can be undone back). */
  const takeTheirs = useCallback(() => {
    if (state.status !== 'conflict') return;
    const theirs = state.theirs as { view: ViewOf<C>; etag: string | null };
    etag.current = theirs.etag;
    setView(theirs.view);
    saved.current = undefined;
    onLoad.current(theirs.view, true);
    setState({ status: 'saved' });
  }, [state]);

  /** After a 409: write yours over theirs, knowingly. */
  const keepMine = useCallback(() => {
    if (state.status !== 'conflict') return;
    etag.current = (state.theirs as { etag: string | null }).etag;
    void save();
  }, [state, save]);

  const publish = useCallback(async () => {
    const published = await publishDraft(collection, id, etag.current);
    etag.current = published.etag;
    setView(published.view);
    return published.view;
  }, [collection, id]);

  const dirty =
    state.status === 'unsaved' ||
    state.status === 'saving' ||
    state.status === 'invalid' ||
    state.status === 'conflict' ||
    options.unsavedElsewhere === true;
  useBlocker({
    shouldBlockFn: () => dirty && !window.confirm('You have changes that are not saved yet. Leave anyway?'),
    enableBeforeUnload: () => dirty,
  });

  return { state, view, save, publish, takeTheirs, keepMine, reload: load, dirty };
}

/** What an editor gets from useDraftLifecycle. */
export type DraftLifecycle<C extends ConfigurationCollection> = ReturnType<typeof useDraftLifecycle<C>>;
