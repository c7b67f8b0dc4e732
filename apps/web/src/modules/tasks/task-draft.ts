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
