import type { CompleteTaskRequest } from '@coachflow/contracts';
import { checkTaskData } from './check-task-data';
import { CycleRuleCode, CycleRuleError } from './cycle-rule.error';
import type { CycleState } from './cycle-state';

/**
 * Why a task completion must be refused, or null when it may go ahead: the cycle is not running, the task
 * is not open (never was, or already completed or closed), the caller is not its assignee, or the data
 * breaks the task kind's rules. The workflow's update validator calls this before anything enters history.
 */
export function completeTaskRejection(
  state: CycleState,
  request: CompleteTaskRequest,
  now: string,
): CycleRuleError | null {
  if (state.status !== 'running' || !state.configuration)
    return new CycleRuleError(CycleRuleCode.NotRunning, 'The cycle is not running.');
  const task = state.tasks[request.taskId];
  if (!task) return new CycleRuleError(CycleRuleCode.TaskNotOpen, 'The task is not open.');
  if (task.assigneeId !== request.userId)
    return new CycleRuleError(CycleRuleCode.NotAssignee, 'Only the assignee can complete this task.');
  const errors = checkTaskData(task.kind, request.data, state.configuration, {
    now,
    focusAreas: state.focusAreas,
  });
  return errors.length > 0
    ? new CycleRuleError(CycleRuleCode.InvalidTaskData, 'The task data breaks the task’s rules.', errors)
    : null;
}
