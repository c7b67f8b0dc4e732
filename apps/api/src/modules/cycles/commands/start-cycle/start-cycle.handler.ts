import { randomUUID } from 'node:crypto';
import type { CycleView, StartCycleRequest } from '@coachflow/contracts';
import { cycleWorkflowId, type PinnedCycleConfiguration } from '@coachflow/domain';
import type { EventStore } from '@coachflow/event-store';
import { insertCycleRow } from '@coachflow/database';
import {
  ConfigurationPinError,
  ConfigurationRecordCache,
  pinCycleConfiguration,
} from '@coachflow/configuration';
import { startCoachingCycle } from '@coachflow/workflows';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Client } from '@temporalio/client';
import type { Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#api/config/app-config';
import { EVENT_STORE } from '#api/infrastructure/database/database.module';
import { TEMPORAL_CLIENT } from '#api/infrastructure/temporal/temporal.module';
import {
  ConfigurationErrorCode,
  ConfigurationException,
} from '#api/modules/configuration/configuration.exception';
import { AccessService } from '#api/modules/access/access.service';
import type { AuthenticatedUser } from '#api/infrastructure/auth/authenticated-user';
import { UserEntity } from '#api/modules/people/entities/user.entity';
import { toCycleView } from '#api/modules/cycles/cycle-view';
import { CyclesErrorCode, CyclesException } from '#api/modules/cycles/cycles.exception';
import { CycleEntity } from '#api/modules/cycles/entities/cycle.entity';

/** Starts a coaching cycle: reserves it in the registry, then starts its workflow. */
@Injectable()
export class StartCycleHandler {
  constructor(
    @InjectRepository(CycleEntity) private readonly cycles: Repository<CycleEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) eventStore: EventStore,
    private readonly access: AccessService,
  ) {
    this.configurations = new ConfigurationRecordCache(eventStore);
  }

  /** Folded playbooks, rubrics and forms, reused while their streams stay put: a start reads two versions. */
  private readonly configurations: ConfigurationRecordCache;

  async execute(caller: AuthenticatedUser, request: StartCycleRequest): Promise<CycleView> {
    const rep = await this.users.findOneBy({ id: request.repId, organisationId: caller.organisationId });
    if (!rep)
      throw new CyclesException(CyclesErrorCode.RepNotFound, 'No such rep.', [
        { path: '/repId', message: 'is not a user of your organisation' },
      ]);
    // The rep's manager, a leader above them or an admin (the policy module's 'cycle:run').
    await this.access.authorize(caller, 'cycle:run', rep.id);
    if (rep.role !== 'rep')
      throw new CyclesException(CyclesErrorCode.NotARep, 'Cycles coach reps.', [
        { path: '/repId', message: 'is not a rep' },
      ]);
    if (!rep.managerId)
      throw new CyclesException(
        CyclesErrorCode.RepWithoutManager,
        'The rep has no manager to run the cycle.',
        [{ path: '/repId', message: 'has no manager' }],
      );

    // The exact versions the cycle runs on, fixed now: later publishes never reach a running cycle.
    const configuration = await this.pin(caller.organisationId, request.playbookId);
    const id = randomUUID();
    const cycle = this.cycles.create({
      id,
      organisationId: caller.organisationId,
      repId: rep.id,
      managerId: rep.managerId,
      playbookId: request.playbookId,
      playbookVersion: configuration.playbook.version,
      phase: 'prioritise',
      status: 'running',
      workflowId: cycleWorkflowId(id),
    });
    await this.reserve(cycle);
    try {
      await startCoachingCycle(this.temporal, this.config.temporal.taskQueue, {
        cycleId: id,
        organisationId: cycle.organisationId,
        repId: cycle.repId,
        managerId: cycle.managerId,
        configuration,
      });
    } catch (error) {
      // No workflow, no cycle: free the rep for the next attempt.
      await this.cycles.delete({ id });
      throw error;
    }
    return toCycleView(cycle);
  }

  private async pin(organisationId: string, playbookId: string): Promise<PinnedCycleConfiguration> {
    try {
      return await pinCycleConfiguration({ configurations: this.configurations }, organisationId, playbookId);
    } catch (error) {
      if (!(error instanceof ConfigurationPinError)) throw error;
      throw new ConfigurationException(ConfigurationErrorCode.PlaybookUnusable, error.message, [
        { path: '/playbookId', message: error.message },
      ]);
    }
  }

  private async reserve(cycle: CycleEntity): Promise<void> {
    if (!(await insertCycleRow(this.cycles, cycle)))
      throw new CyclesException(CyclesErrorCode.AlreadyRunning, 'This rep already has a running cycle.');
  }
}
