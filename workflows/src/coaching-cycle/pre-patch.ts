import { condition } from '@temporalio/workflow';

/**
 * How runs recorded before the patch `deadline-alarm` waited: a fresh timer every time the workflow waits.
 * Returns the wait, or undefined when the deadline has passed already (no wait at all, as then).
 */
export function waitWithFreshTimer(
  deadline: string | null,
  hasWork: () => boolean,
): Promise<boolean | void> | undefined {
  const wait = deadline === null ? null : Math.ceil(Date.parse(deadline) - Date.now());
  if (wait === null) return condition(hasWork);
  if (wait > 0) return condition(hasWork, wait);
  return undefined;
}
