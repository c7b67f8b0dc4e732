import { Module } from '@nestjs/common';
import { AccessModule } from '#api/modules/access/access.module';
import { CompleteTaskHandler } from './commands/complete-task/complete-task.handler';
import { TaskFormsService } from './task-forms.service';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

/** The inbox: people's tasks from every cycle, and completing them. */
@Module({
  imports: [AccessModule],
  controllers: [TasksController],
  providers: [TasksService, TaskFormsService, CompleteTaskHandler],
  exports: [TasksService, CompleteTaskHandler],
})
export class TasksModule {}
