import type { CycleEventView, CycleStatus, CycleView, Page } from '@coachflow/contracts';
import { cycleStreamId } from '@coachflow/domain';
import type { EventStore } from '@coachflow/event-store';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type CycleSummary, cycleSummariesPage, cycleSummary } from '@coachflow/read-models';
import type { Pool } from 'pg';
import type { Repository } from 'typeorm';
import { toStreamEventView } from '#api/infrastructure/events/stream-event-view';
import { EVENT_STORE, PG_POOL } from '#api/infrastructure/database/database.module';
import { nextCursor, type PageQuery } from '#api/infrastructure/http/page-query';
import { AccessService } from '#api/modules/access/access.service';
import type { AuthenticatedUser } from '#api/infrastructure/auth/authenticated-user';
import { summaryToCycleView, toCycleView } from './cycle-view';
import { CyclesErrorCode, CyclesException } from './cycles.exception';
import { CycleEntity } from './entities/cycle.entity';

/** Reads of cycles, scoped to the caller's organisation and reach. */
@Injectable()
export class CyclesService {
  constructor(
    @InjectRepository(CycleEntity) private readonly cycles: Repository<CycleEntity>,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly access: AccessService,
  ) {}

  /** Cycles the caller may see, from the cycle-summaries projection (eventually consistent). */
  async listCycles(
    caller: AuthenticatedUser,
    filter: { repId?: string; status?: CycleStatus },
    page: PageQuery,
  ): Promise<Page<CycleView>> {
    const rows = await cycleSummariesPage(this.pool, {
      organisationId: caller.organisationId,
      ...filter,
      ...(page.after ? { after: page.after } : {}),
      limit: page.limit,
      visible: (columns, bind) =>
        this.access.cycleReachCondition(caller, columns.repId, columns.managerId, bind),
    });
    const items = rows.map(summaryToCycleView);
    return { items, nextCursor: nextCursor(items, page.limit) };
  }

  /** One cycle: consistent who and which playbook (the registry), its summary as far as projected. */
  async getCycle(caller: AuthenticatedUser, id: string): Promise<CycleView> {
    const cycle = await this.findVisible(caller, id);
    return toCycleView(cycle, await this.summary(cycle.id));
  }

  summary(cycleId: string): Promise<CycleSummary | undefined> {
    return cycleSummary(this.pool, cycleId);
  }

  async getEvents(caller: AuthenticatedUser, id: string): Promise<CycleEventView[]> {
    const cycle = await this.findVisible(caller, id);
    const events = await this.eventStore.readStream(cycleStreamId(cycle.id));
    return events.map(toStreamEventView);
  }

  private async findVisible(caller: AuthenticatedUser, id: string): Promise<CycleEntity> {
    // Another organisation's cycle is "not found", never "forbidden": its existence is not ours to tell.
    const cycle = await this.cycles.findOneBy({ id, organisationId: caller.organisationId });
    if (!cycle) throw new CyclesException(CyclesErrorCode.CycleNotFound, 'No such cycle.');
    await this.access.authorizeCycle(caller, 'cycle:read', cycle);
    return cycle;
  }
}
