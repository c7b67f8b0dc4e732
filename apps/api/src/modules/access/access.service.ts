import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppException } from '#api/infrastructure/http/app.exception';
import type { AuthenticatedUser } from '#api/infrastructure/auth/authenticated-user';
import { type Action, permits, reachOf } from './access-policy';
import { AccessErrorCode, AccessException } from './access.exception';
import type { ReportingRelation } from './reporting-relation';

/** Deep enough for any real org chart; a bound keeps a corrupt (cyclic) chain from looping. */
const MAX_DEPTH = 64;

/** Registers a bound value and returns its placeholder (`$3` for pg, `:p3` for TypeORM). */
export type Placeholder = (value: string) => string;

/** A subject of a cycle-scoped action: the rep it coaches and the manager who runs it. */
export interface CycleSubject {
  repId: string;
  managerId: string;
}

/**
 * Applies the policy table (access-policy.ts) to real people: finds where a subject stands in the caller's
 * reporting tree and answers 404 (not in the caller's organisation) or 403 (not allowed) before any data
 * is read. Lists get the same rule as a SQL condition.
 */
@Injectable()
export class AccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Where `subjectId` stands from the caller's seat, or null when it is no user of their organisation. */
  async relationTo(caller: AuthenticatedUser, subjectId: string): Promise<ReportingRelation | null> {
    if (subjectId === caller.id) return 'self';
    const rows: { found: boolean; below_depth: number | null; above: boolean }[] =
      await this.dataSource.query(
        `WITH RECURSIVE
           up_from_subject(id, depth) AS (
             SELECT manager_id, 1 FROM users WHERE id = $1 AND organisation_id = $3 AND manager_id IS NOT NULL
             UNION ALL
             SELECT u.manager_id, c.depth + 1 FROM users u JOIN up_from_subject c ON u.id = c.id
              WHERE u.manager_id IS NOT NULL AND c.depth < ${MAX_DEPTH}),
           up_from_caller(id, depth) AS (
             SELECT manager_id, 1 FROM users WHERE id = $2 AND organisation_id = $3 AND manager_id IS NOT NULL
             UNION ALL
             SELECT u.manager_id, c.depth + 1 FROM users u JOIN up_from_caller c ON u.id = c.id
              WHERE u.manager_id IS NOT NULL AND c.depth < ${MAX_DEPTH})
         SELECT EXISTS (SELECT 1 FROM users WHERE id = $1 AND organisation_id = $3) AS found,
                (SELECT min(depth) FROM up_from_subject WHERE id = $2) AS below_depth,
                EXISTS (SELECT 1 FROM up_from_caller WHERE id = $1) AS above`,
        [subjectId, caller.id, caller.organisationId],
      );
    const row = rows[0];
    if (!row?.found) return null;
    if (row.below_depth !== null) return row.below_depth === 1 ? 'direct-report' : 'indirect-report';
    return row.above ? 'above' : 'unrelated';
  }

  /**
   * Checks that the caller may do `action` on the user `subjectId`: throws `notFound` (or a plain 404)
   * when that user is not in the caller's organisation, 403 when the policy says no.
   */
  async authorize(
    caller: AuthenticatedUser,
    action: Action,
    subjectId: string,
    notFound?: () => AppException,
  ): Promise<ReportingRelation> {
    const relation = await this.relationTo(caller, subjectId);
    if (!relation) throw notFound ? notFound() : new AccessException(AccessErrorCode.NotFound, 'Not found.');
    this.assertPermits(caller, action, relation);
    return relation;
  }

  /**
   * `authorize` for a cycle (or its tasks and events): decided by where its rep stands, and its own
   * manager may always read it, even once the rep moved to another team.
   */
  async authorizeCycle(caller: AuthenticatedUser, action: Action, cycle: CycleSubject): Promise<void> {
    if (action === 'cycle:read' && cycle.managerId === caller.id) return;
    await this.authorize(caller, action, cycle.repId);
  }

  /** Throws 403 unless the policy lets the caller do `action` on a subject in `relation` to them. */
  assertPermits(caller: AuthenticatedUser, action: Action, relation: ReportingRelation): void {
    if (!permits(caller.role, action, relation)) {
      throw new AccessException(AccessErrorCode.Forbidden, 'This is outside what your role lets you do.');
    }
  }

  /**
   * The policy as a SQL condition on `column` (a column holding the subject user's id), for lists. It
   * assumes the query is already limited to the caller's organisation; the subqueries are limited too.
   */
  reachCondition(caller: AuthenticatedUser, action: Action, column: string, bind: Placeholder): string {
    const reach = reachOf(caller.role, action);
    if (reach === 'organisation') return 'true';
    if (reach.length === 0) return 'false';
    const me = bind(caller.id);
    // Bound only when a subquery uses it: Postgres refuses a parameter whose type nothing determines.
    let bound: string | undefined;
    const org = () => (bound ??= bind(caller.organisationId));
    const parts: string[] = [];
    if (reach.includes('self')) parts.push(`${column} = ${me}`);
    if (reach.includes('indirect-report')) {
      parts.push(`${column} IN (WITH RECURSIVE below(id, depth) AS (
          SELECT id, 1 FROM users WHERE manager_id = ${me} AND organisation_id = ${org()}
          UNION ALL
          SELECT u.id, b.depth + 1 FROM users u JOIN below b ON u.manager_id = b.id WHERE b.depth < ${MAX_DEPTH})
        SELECT id FROM below)`);
    } else if (reach.includes('direct-report')) {
      parts.push(
        `${column} IN (SELECT id FROM users WHERE manager_id = ${me} AND organisation_id = ${org()})`,
      );
    }
    if (reach.includes('above')) {
      parts.push(`${column} IN (WITH RECURSIVE up(id, depth) AS (
          SELECT manager_id, 1 FROM users WHERE id = ${me} AND organisation_id = ${org()}
          UNION ALL
          SELECT u.manager_id, c.depth + 1 FROM users u JOIN up c ON u.id = c.id WHERE c.depth < ${MAX_DEPTH})
        SELECT id FROM up WHERE id IS NOT NULL)`);
    }
    return `(${parts.join(' OR ')})`;
  }

  /** `reachCondition` for cycles: by rep, plus the cycles the caller runs as their manager. */
  cycleReachCondition(
    caller: AuthenticatedUser,
    repColumn: string,
    managerColumn: string,
    bind: Placeholder,
  ): string {
    const byRep = this.reachCondition(caller, 'cycle:read', repColumn, bind);
    return byRep === 'true' ? byRep : `(${byRep} OR ${managerColumn} = ${bind(caller.id)})`;
  }
}

/** A `Placeholder` for TypeORM's query builder: values go to `params` under fresh names. */
export function typeormPlaceholders(params: Record<string, string>, prefix = 'access'): Placeholder {
  return (value) => {
    const name = `${prefix}${Object.keys(params).length}`;
    params[name] = value;
    return `:${name}`;
  };
}
