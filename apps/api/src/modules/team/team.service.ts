import type { Page, TeamMemberView } from '@coachflow/contracts';
import { CYCLE_SUMMARIES_TABLE, TASKS_TABLE } from '@coachflow/read-models';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '#api/infrastructure/database/database.module';
import { nextCursor, type PageQuery } from '#api/infrastructure/http/page-query';
import { AccessErrorCode, AccessException } from '#api/modules/access/access.exception';
import { permitsAny } from '#api/modules/access/access-policy';
import { AccessService, pgPlaceholders } from '#api/modules/access/access.service';
import { queryProjection } from '#api/modules/cycles/query-projection';
import type { AuthenticatedUser } from '#api/infrastructure/auth/authenticated-user';

interface TeamRow {
  repId: string;
  repName: string;
  repEmail: string;
  managerId: string | null;
  managerName: string | null;
  cycleId: string | null;
  phase: NonNullable<TeamMemberView['cycle']>['phase'] | null;
  status: NonNullable<TeamMemberView['cycle']>['status'] | null;
  playbookId: string | null;
  startedAt: Date | null;
  nextDueAt: Date | null;
  overdueCount: number;
  openEscalations: number;
  lastCoachingSessionAt: Date | null;
}

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
    const params: unknown[] = [
      caller.organisationId,
      filter.managerId ?? null,
      page.after ?? null,
      page.limit,
    ];
    const inReach = this.access.reachCondition(caller, 'team:read', 'u.id', pgPlaceholders(params));
    const rows = await queryProjection<TeamRow>(
      this.pool,
      `SELECT u.id AS "repId", u.name AS "repName", u.email AS "repEmail",
              m.id AS "managerId", m.name AS "managerName",
              cs.cycle_id AS "cycleId", cs.phase, cs.status, cs.playbook_id AS "playbookId",
              cs.started_at AS "startedAt",
              t.next_due AS "nextDueAt", coalesce(t.overdue, 0)::int AS "overdueCount",
              coalesce(cs.open_escalations, 0)::int AS "openEscalations",
              t.last_session AS "lastCoachingSessionAt"
         FROM users u
         LEFT JOIN users m ON m.id = u.manager_id AND m.organisation_id = u.organisation_id
         LEFT JOIN LATERAL (
           SELECT s.cycle_id, s.phase, s.status, s.playbook_id, s.started_at,
                  (SELECT count(*) FROM jsonb_array_elements(s.escalations) e
                    WHERE NOT e ? 'resolvedAt') AS open_escalations
             FROM ${CYCLE_SUMMARIES_TABLE} s
            WHERE s.organisation_id = u.organisation_id AND s.rep_id = u.id
            ORDER BY s.status = 'running' DESC, s.started_at DESC LIMIT 1) cs ON true
         LEFT JOIN LATERAL (
           SELECT min(k.due_at) FILTER (WHERE k.status = 'open') AS next_due,
                  count(*) FILTER (WHERE k.status = 'open' AND k.due_at < now()) AS overdue,
                  max(k.completed_at) FILTER (WHERE k.kind = 'coaching-session' AND k.status = 'completed')
                    AS last_session
             FROM ${TASKS_TABLE} k
            WHERE k.organisation_id = u.organisation_id AND k.rep_id = u.id) t ON true
        WHERE u.organisation_id = $1 AND u.role = 'rep' AND u.active
          AND ($2::uuid IS NULL OR u.manager_id = $2)
          AND ($3::uuid IS NULL OR (u.name, u.id) > (SELECT name, id FROM users WHERE id = $3))
          AND ${inReach}
        ORDER BY u.name, u.id LIMIT $4`,
      params,
    );
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

function toTeamMemberView(row: TeamRow): TeamMemberView {
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
