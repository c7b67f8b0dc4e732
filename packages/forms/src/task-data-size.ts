import type { FieldError } from '@coachflow/contracts';

/**
 * The most a task completion's `data` may weigh as JSON: enough for any form a person fills in, and far below
 * what one Temporal payload may carry (it warns at 512 KiB and refuses at 2 MiB), since the data travels in the
 * completion's Update and is recorded in the cycle's history and stream.
 */
export const MAX_TASK_DATA_BYTES = 64 * 1024;

/** An error at `path` when `data` weighs more than MAX_TASK_DATA_BYTES, else none. Checked before the schema. */
export function checkTaskDataSize(data: unknown, path = '/data'): FieldError[] {
  const bytes = new TextEncoder().encode(JSON.stringify(data) ?? '').length;
  return bytes > MAX_TASK_DATA_BYTES
    ? [
        {
          path,
          message: `must be at most ${MAX_TASK_DATA_BYTES / 1024} KiB as JSON (it is ${Math.ceil(bytes / 1024)} KiB)`,
        },
      ]
    : [];
}
