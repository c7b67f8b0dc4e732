export interface Backoff {
  /** The wait after the first failure; each further failure doubles it. */
  baseMs: number;
  /** No single wait is longer. */
  maxDelayMs: number;
  /** A delivery still failing this long after it was first due fails for good. */
  giveUpAfterMs: number;
}

/**
 * When to try a delivery again after its `attempt`-th failure (pure): exponential backoff from `baseMs`,
 * capped at `maxDelayMs`, or undefined once the next try would fall past `giveUpAfterMs` from `firstDueAt`.
 */
export function retryAt(backoff: Backoff, attempt: number, firstDueAt: Date, now: Date): Date | undefined {
  const delay = Math.min(backoff.maxDelayMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1));
  const next = new Date(now.getTime() + delay);
  return next.getTime() - firstDueAt.getTime() > backoff.giveUpAfterMs ? undefined : next;
}
