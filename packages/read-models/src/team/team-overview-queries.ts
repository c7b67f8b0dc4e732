import { CYCLE_SUMMARIES_TABLE } from '../cycle-summaries/cycle-summaries.projection';
import type { CycleSummary } from '../cycle-summaries/cycle-summary';
import { type Placeholder, placeholdersFor, type Queryable, queryProjection } from '../query-projection';
import { TASKS_TABLE } from '../tasks/tasks.projection';

/** A rep with where their coaching stands: the running (else latest) cycle and its tasks' state. */
export interface TeamOverviewRow {
  repId: string;
  repName: string;
  repEmail: string;
  managerId: string | null;
  managerName: string | null;
  cycleId: string | null;
  phase: CycleSummary['phase'] | null;
  status: CycleSummary['status'] | null;
  playbookId: string | null;
  startedAt: Date | null;
  /** The earliest due time among the rep's open tasks. */
  nextDueAt: Date | null;
  overdueCount: number;
  /** Unresolved escalations of the cycle shown. */
  openEscalations: number;
  /** When the rep's latest coaching-session task was completed. */
  lastCoachingSessionAt: Date | null;
}

export interface TeamOverviewQuery {
  organisationId: string;
  /** Only this manager's direct reports. */
  managerId?: string;
  /** The last rep id of the previous page (pages go by name, then id). */
  after?: string;
  limit: number;
  /** Which reps the reader may see, as an SQL condition on the user id column; values through `bind`. */
  inReach: (userIdColumn: string, bind: Placeholder) => string;
}

/** One page of the active reps in reach, by name, each with their coaching state. */
export function teamOverviewPage(db: Queryable, query: TeamOverviewQuery): Promise<TeamOverviewRow[]> {
  const params: unknown[] = [query.organisationId, query.managerId ?? null, query.after ?? null, query.limit];
  const inReach = query.inReach('u.id', placeholdersFor(params));
  return queryProjection<TeamOverviewRow>(
    db,
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
}
