import type { FieldError, TaskView } from '@coachflow/contracts';
import { checkTaskData, cycleWorkflowId } from '@coachflow/domain';
import { completeTaskUpdate } from '@coachflow/workflows';
import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { TEMPORAL_CLIENT } from '#api/infrastructure/temporal/temporal.module';
import { CyclesErrorCode, CyclesException } from '#api/modules/cycles/cycles.exception';
import { CyclesService } from '#api/modules/cycles/cycles.service';
import { toCycleUpdateError } from '#api/modules/cycles/workflow-errors';
import type { AuthenticatedUser } from '#api/infrastructure/auth/authenticated-user';
import { TaskFormsService } from '#api/modules/tasks/task-forms.service';
import type { TaskRow } from '@coachflow/read-models';
import { TasksService } from '#api/modules/tasks/tasks.service';

/**
 * Completes a task: the caller must be its assignee and `data` must pass the task's form and its kind's
 * rules; then the cycle's workflow takes it as an Update, whose validator re-checks everything against the
 * workflow's own state (the inbox may trail it) before anything enters history. 200 only once the
 * workflow recorded the completion.
 */
@Injectable()
export class CompleteTaskHandler {
  constructor(
    private readonly tasks: TasksService,
    private readonly forms: TaskFormsService,
    private readonly cycles: CyclesService,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  async execute(caller: AuthenticatedUser, taskId: string, data: Record<string, unknown>): Promise<TaskView> {
    const task = await this.tasks.find(caller, taskId);
    if (task.assigneeId !== caller.id)
      throw new CyclesException(CyclesErrorCode.NotAssignee, 'This task is not yours.');
    if (task.status !== 'open')
      throw new CyclesException(CyclesErrorCode.TaskNotOpen, `This task is already ${task.status}.`);
    const errors = await this.forms.validate(task, data);
    if (errors.length === 0) errors.push(...(await this.kindRules(task, data)));
    if (errors.length > 0)
      throw new CyclesException(
        CyclesErrorCode.InvalidTaskData,
        'The task data is not valid; see errors for each field.',
        errors,
      );
    await this.sendUpdate(caller, task, data);
    const view = await this.tasks.view(task);
    return { ...view, status: 'completed', completedAt: new Date().toISOString() };
  }

  /**
   * Sends the completion to the workflow. Its validator knows every task it has decided to open, recorded or
   * not, so a task already in the inbox is never refused as not open: its refusal is the answer.
   */
  private async sendUpdate(
    caller: AuthenticatedUser,
    task: TaskRow,
    data: Record<string, unknown>,
  ): Promise<void> {
    try {
      await this.temporal.workflow
        .getHandle(cycleWorkflowId(task.cycleId))
        .executeUpdate(completeTaskUpdate, { args: [{ taskId: task.id, userId: caller.id, data }] });
    } catch (error) {
      throw toCycleUpdateError(error);
    }
  }

  /** The task kind's rules beyond the form (the same pure check the workflow's validator runs). */
  private async kindRules(task: TaskRow, data: Record<string, unknown>): Promise<FieldError[]> {
    const configuration = await this.forms.configurationFor(task, {
      id: task.playbookId,
      version: task.playbookVersion,
    });
    if (!configuration) return [];
    const focusAreas =
      task.kind === 'cycle-review' ? (await this.cycles.summary(task.cycleId))?.focusAreas : undefined;
    return checkTaskData(task.kind, data, configuration, {
      now: new Date().toISOString(),
      ...(focusAreas ? { focusAreas } : {}),
    });
  }
}
