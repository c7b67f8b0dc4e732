import type { Page, TeamMemberView } from '@coachflow/contracts';
import { type TeamOverviewRow, teamOverviewPage } from '@coachflow/read-models';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '#api/infrastructure/database/database.module';
import { nextCursor, type PageQuery } from '#api/infrastructure/http/page-query';
import { AccessErrorCode, AccessException } from '#api/modules/access/access.exception';
import { permitsAny } from '#api/modules/access/access-policy';
import { AccessService } from '#api/modules/access/access.service';
import type { AuthenticatedUser } from '#api/infrastructure/auth/authenticated-user';

/**
 * The team page: every active rep in the caller's reach (a manager's direct reports, a leader's subtree,
 * an admin's organisation), by name, each with their running (else latest) cycle and its tasks' state.
 */
@Injectable()
export class TeamService {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly access: AccessService,
  ) {}

  async list(
    caller: AuthenticatedUser,
    filter: { managerId?: string },
    page: PageQuery,
  ): Promise<Page<TeamMemberView>> {
    if (!permitsAny(caller.role, 'team:read'))
      throw new AccessException(AccessErrorCode.Forbidden, 'The team page is for managers and leaders.');
    const rows = await teamOverviewPage(this.pool, {
      organisationId: caller.organisationId,
      ...filter,
      ...(page.after ? { after: page.after } : {}),
      limit: page.limit,
      inReach: (column, bind) => this.access.reachCondition(caller, 'team:read', column, bind),
    });
    const items = rows.map(toTeamMemberView);
    return {
      items,
      nextCursor: nextCursor(
        items.map((item) => item.rep),
        page.limit,
      ),
    };
  }
}

function toTeamMemberView(row: TeamOverviewRow): TeamMemberView {
  return {
    rep: { id: row.repId, name: row.repName, email: row.repEmail },
    manager: row.managerId && row.managerName ? { id: row.managerId, name: row.managerName } : null,
    cycle:
      row.cycleId && row.phase && row.status && row.playbookId && row.startedAt
        ? {
            id: row.cycleId,
            phase: row.phase,
            status: row.status,
            playbookId: row.playbookId,
            startedAt: row.startedAt.toISOString(),
          }
        : null,
    nextDueAt: row.nextDueAt?.toISOString() ?? null,
    overdueCount: row.overdueCount,
    openEscalations: row.openEscalations,
    lastCoachingSessionAt: row.lastCoachingSessionAt?.toISOString() ?? null,
  };
}
