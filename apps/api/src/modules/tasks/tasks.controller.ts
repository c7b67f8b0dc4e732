import {
  CompleteTaskBody,
  CompletedTaskView,
  ListTasksQuery,
  TaskList,
  TaskView,
} from '@coachflow/contracts';
import type { TaskRow } from '@coachflow/read-models';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { JsonSchemaPipe } from '#api/infrastructure/http/json-schema.pipe';
import { openApiSchema } from '#api/infrastructure/http/open-api-schema';
import { parsePageQuery } from '#api/infrastructure/http/page-query';
import type { AuthenticatedUser } from '#api/infrastructure/auth/authenticated-user';
import { CurrentUser } from '#api/infrastructure/auth/current-user.decorator';
import { ReadWithSession, SessionReadRow } from '#api/infrastructure/auth/session-read.decorator';
import { CompleteTaskHandler } from './commands/complete-task/complete-task.handler';
import { TasksService } from './tasks.service';
import { TASK_OF_ROUTE } from './task-session-read';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('api/tasks')
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly completeTask: CompleteTaskHandler,
  ) {}

  @Get()
  @ApiQuery({ name: 'status', required: false, enum: ['open', 'completed', 'closed'] })
  @ApiQuery({ name: 'assignee', required: false, description: "Someone else's inbox, within your reach." })
  @ApiQuery({ name: 'cycleId', required: false })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiOkResponse({ schema: openApiSchema(TaskList) })
  list(
    @CurrentUser() caller: AuthenticatedUser,
    @Query(new JsonSchemaPipe(ListTasksQuery)) query: ListTasksQuery,
  ): Promise<TaskList> {
    return this.tasks.list(
      caller,
      { status: query.status, assignee: query.assignee, cycleId: query.cycleId },
      parsePageQuery(query),
    );
  }

  @Get(':id')
  @ReadWithSession(TASK_OF_ROUTE)
  @ApiOkResponse({ schema: openApiSchema(TaskView) })
  get(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @SessionReadRow() task: TaskRow | null | undefined,
  ): Promise<TaskView> {
    return this.tasks.get(caller, id, task);
  }

  @Post(':id/complete')
  @ReadWithSession(TASK_OF_ROUTE)
  @HttpCode(200)
  @ApiBody({ schema: openApiSchema(CompleteTaskBody) })
  @ApiOkResponse({
    schema: openApiSchema(CompletedTaskView),
    description: 'The workflow accepted and recorded it: `completion` says what was recorded.',
  })
  @ApiBadRequestResponse({ description: "The data fails the task's form or its kind's rules." })
  @ApiForbiddenResponse({ description: 'The caller is not the assignee.' })
  @ApiConflictResponse({ description: 'The task is already completed or closed.' })
  complete(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new JsonSchemaPipe(CompleteTaskBody)) body: CompleteTaskBody,
    @SessionReadRow() task: TaskRow | null | undefined,
  ): Promise<CompletedTaskView> {
    return this.completeTask.execute(caller, id, body.data, task);
  }
}
