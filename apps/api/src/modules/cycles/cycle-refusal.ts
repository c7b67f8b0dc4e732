import type { FieldError } from '@coachflow/contracts';
import { CycleRuleCode } from '@coachflow/domain';
import { AppException } from '#api/infrastructure/http/app.exception';

/** The one mapping of the domain's refusal codes to HTTP: status and problem type slug. */
const HTTP: Record<CycleRuleCode, { status: number; slug: string; message: string }> = {
  [CycleRuleCode.TaskNotOpen]: {
    status: 409,
    slug: 'task-not-open',
    message: 'This task is no longer open (already completed or closed).',
  },
  [CycleRuleCode.NotAssignee]: { status: 403, slug: 'not-assignee', message: 'This task is not yours.' },
  [CycleRuleCode.InvalidTaskData]: {
    status: 400,
    slug: 'invalid-task-data',
    message: 'The task data is not valid; see errors for each field.',
  },
  [CycleRuleCode.NotRunning]: {
    status: 409,
    slug: 'cycle-not-running',
    message: 'The cycle is no longer running.',
  },
  [CycleRuleCode.AlreadyStarted]: {
    status: 409,
    slug: 'cycle-not-running',
    message: 'The cycle has already started.',
  },
};

/** A cycle refused a command (in the workflow, or the API's own assignee and form checks): 409/403/400. */
export class CycleRefusalException extends AppException {
  readonly status: number;
  readonly slug: string;

  constructor(
    readonly code: CycleRuleCode,
    errors?: FieldError[],
    message = HTTP[code].message,
  ) {
    super(message, errors);
    this.status = HTTP[code].status;
    this.slug = HTTP[code].slug;
  }
}

/** Whether `type` (an update failure's) is one of the domain's refusal codes. */
export function isCycleRuleCode(type: string | undefined): type is CycleRuleCode {
  return type !== undefined && Object.values<string>(CycleRuleCode).includes(type);
}
