import type { CycleEventView, CycleStatus, CycleView, Page } from '@coachflow/contracts';
import { cycleStreamId } from '@coachflow/domain';
import type { EventStore } from '@coachflow/event-store';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { CYCLE_SUMMARIES_TABLE, CYCLE_SUMMARY_COLUMNS, type CycleSummary } from '@coachflow/read-models';
import type { Pool } from 'pg';
import type { Repository } from 'typeorm';
import { EVENT_STORE, PG_POOL } from '#api/infrastructure/database/database.module';
import { nextCursor, type PageQuery } from '#api/infrastructure/http/page-query';
import { AccessService, pgPlaceholders } from '#api/modules/access/access.service';
import type { AuthenticatedUser } from '#api/infrastructure/auth/authenticated-user';
import { summaryToCycleView, toCycleView } from './cycle-view';
import { CyclesErrorCode, CyclesException } from './cycles.exception';
import { queryProjection } from './query-projection';
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
    const params: unknown[] = [
      caller.organisationId,
      filter.repId ?? null,
      filter.status ?? null,
      page.after ?? null,
      page.limit,
    ];
    const visible = this.access.cycleReachCondition(caller, 'rep_id', 'manager_id', pgPlaceholders(params));
    const rows = await queryProjection<CycleSummary>(
      this.pool,
      `SELECT ${CYCLE_SUMMARY_COLUMNS}
         FROM ${CYCLE_SUMMARIES_TABLE}
        WHERE organisation_id = $1 AND ($2::uuid IS NULL OR rep_id = $2) AND ($3::text IS NULL OR status = $3)
          AND ($4::uuid IS NULL OR cycle_id > $4) AND ${visible}
        ORDER BY cycle_id LIMIT $5`,
      params,
    );
    const items = rows.map(summaryToCycleView);
    return { items, nextCursor: nextCursor(items, page.limit) };
  }

  /** One cycle: consistent who and which playbook (the registry), its summary as far as projected. */
  async getCycle(caller: AuthenticatedUser, id: string): Promise<CycleView> {
    const cycle = await this.findVisible(caller, id);
    return toCycleView(cycle, await this.summary(cycle.id));
  }

  async summary(cycleId: string): Promise<CycleSummary | undefined> {
    const rows = await queryProjection<CycleSummary>(
      this.pool,
      `SELECT ${CYCLE_SUMMARY_COLUMNS} FROM ${CYCLE_SUMMARIES_TABLE} WHERE cycle_id = $1`,
      [cycleId],
    );
    return rows[0];
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
    await this.access.authorizeCycle(caller, 'cycle:read', cycle);
    return cycle;
  }
}
