import type { FieldError } from '@coachflow/contracts';
import { CodedError } from '../errors';

/** Codes of a refused cycle command; equal to the workflow's update rejection types on purpose. */
export enum CycleRuleCode {
  TaskNotOpen = 'TaskNotOpen',
  NotAssignee = 'NotAssignee',
  InvalidTaskData = 'InvalidTaskData',
  NotRunning = 'CycleNotRunning',
  AlreadyStarted = 'CycleAlreadyStarted',
}

/** A command the cycle refuses; `errors` lists the invalid fields for InvalidTaskData. */
export class CycleRuleError extends CodedError<CycleRuleCode> {
  constructor(
    code: CycleRuleCode,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(code, message);
  }
}
