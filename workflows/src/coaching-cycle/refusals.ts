import { CycleRuleCode, CycleRuleError } from '@coachflow/domain';
import { ApplicationFailure } from '@temporalio/workflow';

/**
 * A refused command as the update's failure. Its type is the domain's `CycleRuleCode` (the one table of
 * refusal codes, which the API maps to HTTP), and `InvalidTaskData` carries the field errors as its first
 * detail. A second start of a started cycle reads as "not running" to a client.
 */
export function toFailure(error: unknown): ApplicationFailure {
  if (error instanceof ApplicationFailure) return error;
  if (error instanceof CycleRuleError) {
    const type = error.code === CycleRuleCode.AlreadyStarted ? CycleRuleCode.NotRunning : error.code;
    return ApplicationFailure.create({
      type,
      message: error.message,
      details: [error.errors],
      nonRetryable: true,
    });
  }
  return ApplicationFailure.create({
    type: 'CycleCommandFailed',
    message: error instanceof Error ? error.message : String(error),
    nonRetryable: true,
  });
}

/** The failure of an update that reaches a cycle no longer running. */
export const notRunning = (): ApplicationFailure =>
  toFailure(new CycleRuleError(CycleRuleCode.NotRunning, 'The cycle is not running.'));
