import type { CycleView } from '@coachflow/contracts';
import { CycleRuleCode } from '@coachflow/domain';
import { cancelCycleUpdate } from '@coachflow/workflows';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Client } from '@temporalio/client';
import type { Repository } from 'typeorm';
import { TEMPORAL_CLIENT } from '#api/infrastructure/temporal/temporal.module';
import { AccessService } from '#api/modules/access/access.service';
import { toCycleView } from '#api/modules/cycles/cycle-view';
import { CyclesErrorCode, CyclesException } from '#api/modules/cycles/cycles.exception';
import { CyclesService } from '#api/modules/cycles/cycles.service';
import { CycleEntity } from '#api/modules/cycles/entities/cycle.entity';
import { CycleRefusalException } from '#api/modules/cycles/cycle-refusal';
import { toCycleUpdateError } from '#api/modules/cycles/workflow-errors';
import type { AuthenticatedUser } from '#api/infrastructure/auth/authenticated-user';

/**
 * Cancels a running cycle (the rep's manager, a leader above them, an admin): the workflow closes its open
 * tasks and timers and records CycleCancelled before the update returns, so the answer is final.
 */
@Injectable()
export class CancelCycleHandler {
  constructor(
    @InjectRepository(CycleEntity) private readonly cycles: Repository<CycleEntity>,
    private readonly access: AccessService,
    private readonly cyclesService: CyclesService,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  async execute(caller: AuthenticatedUser, id: string, reason: string): Promise<CycleView> {
    const cycle = await this.cycles.findOneBy({ id, organisationId: caller.organisationId });
    if (!cycle) throw new CyclesException(CyclesErrorCode.CycleNotFound, 'No such cycle.');
    await this.access.authorizeCycle(caller, 'cycle:run', cycle);
    if (cycle.status !== 'running')
      throw new CycleRefusalException(
        CycleRuleCode.NotRunning,
        undefined,
        `This cycle is already ${cycle.status}.`,
      );
    try {
      await this.temporal.workflow
        .getHandle(cycle.workflowId)
        .executeUpdate(cancelCycleUpdate, { args: [{ reason, by: caller.id }] });
    } catch (error) {
      throw toCycleUpdateError(error);
    }
    // The worker marks the registry too; doing it here frees the rep for a new cycle as soon as we answer.
    await this.cycles.update({ id, status: 'running' }, { status: 'cancelled' });
    const summary = await this.cyclesService.summary(id);
    return { ...toCycleView({ ...cycle, status: 'cancelled' }, summary), status: 'cancelled' };
  }
}
