import type { FieldError } from '@coachflow/contracts';
import { UPDATE_REJECTIONS } from '@coachflow/workflows';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { CyclesErrorCode, CyclesException } from './cycles.exception';

/** The workflow is closed or gone: an update to it has nothing to act on. */
export function isCycleGone(error: unknown): boolean {
  return (
    error instanceof WorkflowNotFoundError ||
    (error instanceof WorkflowUpdateFailedError &&
      error.cause instanceof ApplicationFailure &&
      error.cause.type === UPDATE_REJECTIONS.notRunning)
  );
}

const REJECTIONS: Record<string, { code: CyclesErrorCode; message: string }> = {
  [UPDATE_REJECTIONS.taskNotOpen]: {
    code: CyclesErrorCode.TaskNotOpen,
    message: 'This task is no longer open (already completed or closed).',
  },
  [UPDATE_REJECTIONS.notAssignee]: { code: CyclesErrorCode.NotAssignee, message: 'This task is not yours.' },
  [UPDATE_REJECTIONS.invalidData]: {
    code: CyclesErrorCode.InvalidTaskData,
    message: 'The task data is not valid; see errors for each field.',
  },
  [UPDATE_REJECTIONS.notRunning]: {
    code: CyclesErrorCode.CycleNotRunning,
    message: 'The cycle is no longer running.',
  },
};

/**
 * The one place where a Temporal failure of a cycle update becomes an API error: the validator's typed
 * rejections map to 409/403/400, a closed or missing workflow to 409 "not running". Anything else is
 * returned unchanged (a 500, or whatever the filter makes of it).
 */
export function toCycleUpdateError(error: unknown): unknown {
  if (error instanceof WorkflowNotFoundError)
    return new CyclesException(CyclesErrorCode.CycleNotRunning, 'The cycle’s workflow has ended.');
  if (!(error instanceof WorkflowUpdateFailedError) || !(error.cause instanceof ApplicationFailure))
    return error;
  const failure = error.cause;
  const rejection = failure.type ? REJECTIONS[failure.type] : undefined;
  if (!rejection) return error;
  const errors =
    failure.type === UPDATE_REJECTIONS.invalidData ? fieldErrors(failure.details?.[0]) : undefined;
  return new CyclesException(rejection.code, rejection.message, errors);
}

function fieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (entry): entry is FieldError =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof (entry as FieldError).path === 'string' &&
      typeof (entry as FieldError).message === 'string',
  );
}
