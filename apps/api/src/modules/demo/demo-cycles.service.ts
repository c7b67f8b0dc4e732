import type { TaskView } from '@coachflow/contracts';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { StartCycleHandler } from '#api/modules/cycles/commands/start-cycle/start-cycle.handler';
import type { AuthenticatedUser } from '#api/infrastructure/auth/authenticated-user';
import { CompleteTaskHandler } from '#api/modules/tasks/commands/complete-task/complete-task.handler';
import { TasksService } from '#api/modules/tasks/tasks.service';
import { DEMO_CYCLES, DEMO_MANAGER, type DemoCycle, type DemoStep } from './demo-cycles';

const POLL_MS = 250;
// The worker may start after the API: its projections are what shows a task.
const TASK_TIMEOUT_MS = 3 * 60 * 1000;

/**
 * Starts the demo cycles and plays each forward through the same handlers as the HTTP API (start, then
 * complete each step's task once the inbox shows it), so the demo obeys every rule real data does.
 */
@Injectable()
export class DemoCyclesService implements OnApplicationShutdown {
  private readonly logger = new Logger(DemoCyclesService.name);
  private stopped = false;

  constructor(
    private readonly startCycle: StartCycleHandler,
    private readonly tasks: TasksService,
    private readonly completeTask: CompleteTaskHandler,
  ) {}

  onApplicationShutdown(): void {
    this.stopped = true;
  }

  /** Plays every demo cycle side by side; `people` are the seeded callers by email. */
  async play(people: ReadonlyMap<string, AuthenticatedUser>, playbookId: string): Promise<void> {
    await Promise.all(DEMO_CYCLES.map((cycle) => this.playOne(cycle, people, playbookId)));
  }

  private async playOne(
    cycle: DemoCycle,
    people: ReadonlyMap<string, AuthenticatedUser>,
    playbookId: string,
  ): Promise<void> {
    const rep = person(people, cycle.rep);
    const started = await this.startCycle.execute(person(people, DEMO_MANAGER), {
      repId: rep.id,
      playbookId,
    });
    for (const step of cycle.steps) {
      const caller = person(people, step.by);
      const task = await this.openTask(caller, started.id, step);
      await this.completeTask.execute(caller, task.id, step.data);
    }
    this.logger.log(`demo cycle for ${cycle.rep} is in place (${cycle.steps.length} tasks done)`);
  }

  private async openTask(caller: AuthenticatedUser, cycleId: string, step: DemoStep): Promise<TaskView> {
    const deadline = Date.now() + TASK_TIMEOUT_MS;
    for (;;) {
      if (this.stopped) throw new Error('the API is shutting down');
      const page = await this.tasks.list(
        caller,
        { status: 'open', cycleId },
        { limit: 50, after: undefined },
      );
      const task = page.items.find((candidate) => candidate.kind === step.kind);
      if (task) return task;
      if (Date.now() > deadline) throw new Error(`no ${step.kind} task for ${step.by} after three minutes`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}

function person(people: ReadonlyMap<string, AuthenticatedUser>, email: string): AuthenticatedUser {
  const found = people.get(email);
  if (!found) throw new Error(`the demo has no ${email}`);
  return found;
}
