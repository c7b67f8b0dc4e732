import type { CompletedTaskView } from '@coachflow/contracts';
import { CycleRuleCode, cycleWorkflowId } from '@coachflow/domain';
import type { TaskRow } from '@coachflow/read-models';
import { completeTaskUpdate } from '@coachflow/workflows';
import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { AuthenticatedUser } from '#api/infrastructure/auth/authenticated-user';
import { TEMPORAL_CLIENT } from '#api/infrastructure/temporal/temporal.module';
import { CycleRefusalException } from '#api/modules/cycles/cycle-refusal';
import { toCycleUpdateError } from '#api/modules/cycles/workflow-errors';
import { TaskFormsService } from '#api/modules/tasks/task-forms.service';
import { TasksService } from '#api/modules/tasks/tasks.service';

/**
 * Completes a task. The API checks what only it can check (the caller is the assignee, `data` fits the
 * task's pinned form schema); everything else (is the task open, the kind's rules) is the workflow's, whose
 * validator decides on its own state before anything enters history. Answers with what was recorded.
 */
@Injectable()
export class CompleteTaskHandler {
  constructor(
    private readonly tasks: TasksService,
    private readonly forms: TaskFormsService,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  async execute(
    caller: AuthenticatedUser,
    taskId: string,
    data: Record<string, unknown>,
    read?: TaskRow | null,
  ): Promise<CompletedTaskView> {
    const task = await this.tasks.find(caller, taskId, read);
    if (task.assigneeId !== caller.id) throw new CycleRefusalException(CycleRuleCode.NotAssignee);
    const errors = await this.forms.validate(task, data);
    if (errors.length > 0) throw new CycleRefusalException(CycleRuleCode.InvalidTaskData, errors);
    let completion;
    try {
      completion = await this.temporal.workflow
        .getHandle(cycleWorkflowId(task.cycleId))
        .executeUpdate(completeTaskUpdate, { args: [{ taskId: task.id, userId: caller.id, data }] });
    } catch (error) {
      throw toCycleUpdateError(error);
    }
    const view = await this.tasks.view(task);
    return { ...view, status: 'completed', completedAt: completion.recordedAt, completion };
  }
}
