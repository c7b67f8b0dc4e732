/**
 * What a person typed into a task form, kept in this tab's sessionStorage until it is submitted, so an
 * expired session (sign in again, come back) or a reload loses nothing.
 */
const key = (taskId: string) => `coachflow:task-draft:${taskId}`;

export function loadDraft(taskId: string): Record<string, unknown> | undefined {
  try {
    const raw = sessionStorage.getItem(key(taskId));
    const parsed: unknown = raw ? JSON.parse(raw) : undefined;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(taskId: string, data: Record<string, unknown>): void {
  try {
    sessionStorage.setItem(key(taskId), JSON.stringify(data));
  } catch {
    // Storage full or disabled: the form still works, only without the safety net.
  }
}

export function clearDraft(taskId: string): void {
  sessionStorage.removeItem(key(taskId));
}

/** How long typing pauses before the draft is written. */
export const DRAFT_SAVE_DELAY_MS = 300;

export interface DraftKeeper {
  /** Keeps `data` as the draft once typing pauses. */
  save(data: Record<string, unknown>): void;
  /** Writes a draft still waiting, now (leaving the page, or the form). */
  flush(): void;
  /** Drops the draft, stored or waiting (submitted). */
  clear(): void;
}

/**
 * `taskId`'s draft, written once typing pauses for `delayMs` instead of on every keystroke: a
 * sessionStorage write a key cost a 200-field form more than rendering the key did (`npm run bench -- web`).
 */
export function draftKeeper(taskId: string, delayMs = DRAFT_SAVE_DELAY_MS): DraftKeeper {
  let waiting: Record<string, unknown> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (waiting) saveDraft(taskId, waiting);
    waiting = undefined;
  };
  return {
    save(data) {
      waiting = data;
      clearTimeout(timer);
      timer = setTimeout(flush, delayMs);
    },
    flush,
    clear() {
      clearTimeout(timer);
      timer = undefined;
      waiting = undefined;
      clearDraft(taskId);
    },
  };
}
