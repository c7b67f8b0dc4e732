import { cycleWorkflowId } from '@coachflow/domain';
import { runningCyclesWithOpenTasksOf } from '@coachflow/read-models';
import { changeManagerUpdate, reassignTasksUpdate } from '@coachflow/workflows';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Client } from '@temporalio/client';
import type { Pool } from 'pg';
import type { Repository } from 'typeorm';
import { PG_POOL } from '#api/infrastructure/database/database.module';
import { TEMPORAL_CLIENT } from '#api/infrastructure/temporal/temporal.module';
import { CycleEntity } from '#api/modules/cycles/entities/cycle.entity';
import { isCycleGone } from '#api/modules/cycles/workflow-errors';
import type { StaffingChanges } from '#api/modules/people/staffing-changes';

/** The people module's `StaffingChanges`, done to running cycles: registry rows and workflow Updates. */
@Injectable()
export class CycleStaffingService implements StaffingChanges {
  private readonly logger = new Logger(CycleStaffingService.name);

  constructor(
    @InjectRepository(CycleEntity) private readonly cycles: Repository<CycleEntity>,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  /**
   * The rep's manager is now `newManagerId`: the rep's running cycle (if any) moves to them, in the
   * registry at once and in the workflow (its open manager tasks are reassigned, recorded as events).
   */
  async managerChanged(
    organisationId: string,
    repId: string,
    newManagerId: string,
    by: string,
  ): Promise<void> {
    const running = await this.cycles.findBy({ organisationId, repId, status: 'running' });
    for (const cycle of running) {
      if (cycle.managerId !== newManagerId)
        await this.cycles.update({ id: cycle.id }, { managerId: newManagerId });
      await this.send(cycle.id, () =>
        this.temporal.workflow
          .getHandle(cycleWorkflowId(cycle.id))
          .executeUpdate(changeManagerUpdate, { args: [{ managerId: newManagerId, by }] }),
      );
    }
  }

  /**
   * `userId` was deactivated: every running cycle where they hold an open task hands those tasks to
   * `toUserId` (usually their manager). Read from the tasks projection, so a task opened a moment ago may
   * be missed; the workflow's own overdue and escalation timers still cover it.
   */
  async userDeactivated(organisationId: string, userId: string, toUserId: string): Promise<void> {
    for (const cycleId of await runningCyclesWithOpenTasksOf(this.pool, organisationId, userId)) {
      await this.send(cycleId, () =>
        this.temporal.workflow
          .getHandle(cycleWorkflowId(cycleId))
          .executeUpdate(reassignTasksUpdate, { args: [{ fromUserId: userId, toUserId }] }),
      );
    }
  }

  /** Sends one update; a cycle that ended meanwhile has nothing left to move, which is not an error. */
  private async send(cycleId: string, update: () => Promise<void>): Promise<void> {
    try {
      await update();
    } catch (error) {
      if (!isCycleGone(error)) throw error;
      this.logger.log(`cycle ${cycleId} ended before its staffing change reached it`);
    }
  }
}
