import { useEffect, useMemo } from 'react';
import { type DraftKeeper, draftKeeper } from './task-draft';

/** `draftKeeper` for the task form on screen: what waits is written when the page or the form goes away. */
export function useDraftKeeper(taskId: string): DraftKeeper {
  const keeper = useMemo(() => draftKeeper(taskId), [taskId]);
  useEffect(() => {
    window.addEventListener('pagehide', keeper.flush);
    return () => {
      window.removeEventListener('pagehide', keeper.flush);
      keeper.flush();
    };
  }, [keeper]);
  return keeper;
}
