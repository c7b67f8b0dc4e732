import type { FieldError } from '@coachflow/contracts';
import { CycleRuleCode } from '@coachflow/domain';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { CycleRefusalException, isCycleRuleCode } from './cycle-refusal';

/** The workflow is closed or gone: an update to it has nothing to act on. */
export function isCycleGone(error: unknown): boolean {
  return (
    error instanceof WorkflowNotFoundError ||
    (error instanceof WorkflowUpdateFailedError &&
      error.cause instanceof ApplicationFailure &&
      error.cause.type === CycleRuleCode.NotRunning)
  );
}

/**
 * Where a Temporal failure of a cycle update becomes an API error: the workflow refuses with the domain's
 * codes (CycleRefusalException maps them), a closed or missing workflow is "not running". Anything else
 * is returned unchanged (a 500, or whatever the filter makes of it).
 */
export function toCycleUpdateError(error: unknown): unknown {
  if (error instanceof WorkflowNotFoundError)
    return new CycleRefusalException(CycleRuleCode.NotRunning, undefined, 'The cycle’s workflow has ended.');
  if (!(error instanceof WorkflowUpdateFailedError) || !(error.cause instanceof ApplicationFailure))
    return error;
  const failure = error.cause;
  if (!isCycleRuleCode(failure.type ?? undefined)) return error;
  const code = failure.type as CycleRuleCode;
  return new CycleRefusalException(
    code,
    code === CycleRuleCode.InvalidTaskData ? fieldErrors(failure.details?.[0]) : undefined,
  );
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
