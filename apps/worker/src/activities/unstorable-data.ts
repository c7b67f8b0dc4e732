import { ApplicationFailure } from '@temporalio/common';

/** The failure type of a write whose data Postgres can never hold; the workflow refuses that command. */
export const UNSTORABLE_DATA = 'UnstorableData';

/**
 * True for Postgres' "data exception" class (SQLSTATE 22: a NUL or lone surrogate in jsonb, a date out of
 * range): the same data fails the same way on every attempt, so retrying only wedges the cycle.
 */
export function isDataException(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}

/**
 * Runs a write, turning a data exception into a non-retryable failure (with Postgres' message) so the
 * workflow hears of it at once and refuses the command instead of retrying forever; other errors (a lost
 * connection, a timeout) stay retryable.
 */
export async function failOnUnstorableData<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isDataException(error)) throw error;
    throw ApplicationFailure.create({
      type: UNSTORABLE_DATA,
      message: `The data cannot be stored: ${(error as Error).message}`,
      nonRetryable: true,
    });
  }
}
