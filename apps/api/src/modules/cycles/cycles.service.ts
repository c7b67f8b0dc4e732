import type { CycleEventView, CycleStatus, CycleView, Page } from '@coachflow/contracts';
import { cycleStreamId } from '@coachflow/domain';
import type { EventStore } from '@coachflow/event-store';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { CYCLE_SUMMARIES_TABLE } from '@coachflow/read-models';
import type { Pool } from 'pg';
import type { Repository } from 'typeorm';
import { EVENT_STORE, PG_POOL } from '#api/infrastructure/database/database.module';
import { nextCursor, type PageQuery } from '#api/infrastructure/http/page-query';
import type { AuthenticatedUser } from '#api/modules/people/auth/authenticated-user';
import { canSeeCycle, visibleCyclesCondition } from './cycle-access';
import { toCycleView } from './cycle-view';
import { CyclesErrorCode, CyclesException } from './cycles.exception';
import { CycleEntity } from './entities/cycle.entity';

/** Reads of cycles, scoped to the caller's organisation and reach. */
@Injectable()
export class CyclesService {
  constructor(
    @InjectRepository(CycleEntity) private readonly cycles: Repository<CycleEntity>,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  /** Cycles the caller may see, from the cycle-summaries projection (eventually consistent). */
  async listCycles(
    caller: AuthenticatedUser,
    filter: { repId?: string; status?: CycleStatus },
    page: PageQuery,
  ): Promise<Page<CycleView>> {
    const visible = visibleCyclesCondition(caller, 6);
    const { rows } = await this.pool.query<Parameters<typeof toCycleView>[0]>(
      `SELECT cycle_id AS id, rep_id AS "repId", manager_id AS "managerId", playbook_id AS "playbookId",
              playbook_version AS "playbookVersion", phase, status
         FROM ${CYCLE_SUMMARIES_TABLE}
        WHERE organisation_id = $1 AND ($2::uuid IS NULL OR rep_id = $2) AND ($3::text IS NULL OR status = $3)
          AND ($4::uuid IS NULL OR cycle_id > $4) AND ${visible.sql}
        ORDER BY cycle_id LIMIT $5`,
      [
        caller.organisationId,
        filter.repId ?? null,
        filter.status ?? null,
        page.after ?? null,
        page.limit,
        ...visible.params,
      ],
    );
    const items = rows.map(toCycleView);
    return { items, nextCursor: nextCursor(items, page.limit) };
  }

  async getCycle(caller: AuthenticatedUser, id: string): Promise<CycleView> {
    return toCycleView(await this.findVisible(caller, id));
  }

  async getEvents(caller: AuthenticatedUser, id: string): Promise<CycleEventView[]> {
    const cycle = await this.findVisible(caller, id);
    const events = await this.eventStore.readStream(cycleStreamId(cycle.id));
    return events.map((event) => ({
      position: event.globalPosition,
      version: event.streamVersion,
      type: event.type,
      data: event.data,
      recordedAt: event.recordedAt.toISOString(),
    }));
  }

  private async findVisible(caller: AuthenticatedUser, id: string): Promise<CycleEntity> {
    // Another organisation's cycle is "not found", never "forbidden": its existence is not ours to tell.
    const cycle = await this.cycles.findOneBy({ id, organisationId: caller.organisationId });
    if (!cycle) throw new CyclesException(CyclesErrorCode.CycleNotFound, 'No such cycle.');
    if (!canSeeCycle(caller, cycle))
      throw new CyclesException(CyclesErrorCode.NotAllowed, 'This cycle is not yours to see.');
    return cycle;
  }
}
