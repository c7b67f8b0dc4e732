import type { Pool } from 'pg';
import type { AuthenticatedUser } from './authenticated-user';

/** Whose session an access token names: the user, their organisation and the sign-in session. */
export interface SessionClaims {
  userId: string;
  organisationId: string;
  sessionId: string;
}

/**
 * A read a route's handler needs first, run in the session check's statement so a request makes one round
 * trip to Postgres for both: SQL of at most one row that may use the caller's user row as `u` (their
 * organisation: `u.organisation_id`) and `$4`, bound to the route parameter `param`. Each read is one
 * prepared statement (its `name`).
 */
export interface SessionRead {
  name: string;
  sql: string;
  param: string;
  /** Whether the parameter may be bound at all (a uuid column refuses other text): if not, no read. */
  accepts(value: string): boolean;
}

const CALLER = `u.id AS "callerId", u.organisation_id AS "callerOrganisationId", u.role AS "callerRole",
  u.manager_id AS "callerManagerId"`;
const ACTIVE_SESSION = `FROM sessions s JOIN users u ON u.id = s.user_id`;
const HOLDS = `s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
  AND u.id = $2 AND u.organisation_id = $3 AND u.active`;

interface CallerColumns {
  callerId: string;
  callerOrganisationId: string;
  callerRole: AuthenticatedUser['role'];
  callerManagerId: string | null;
}

const callerOf = (row: CallerColumns, sessionId: string): AuthenticatedUser => ({
  id: row.callerId,
  organisationId: row.callerOrganisationId,
  role: row.callerRole,
  managerId: row.callerManagerId,
  sessionId,
});

/**
 * The caller of a token's session, if it still holds: the session neither revoked nor expired and its user
 * active in the organisation. Read afresh on every call, so a revocation, a deactivation or a changed role
 * counts at once. A prepared statement: every authenticated request runs it, and each connection parses
 * and plans it once.
 */
export async function activeSessionUser(
  db: Pick<Pool, 'query'>,
  claims: SessionClaims,
): Promise<AuthenticatedUser | null> {
  const { rows } = await db.query<CallerColumns>({
    name: 'active-session-user',
    text: `SELECT ${CALLER} ${ACTIVE_SESSION} WHERE ${HOLDS}`,
    values: [claims.sessionId, claims.userId, claims.organisationId],
  });
  return rows[0] ? callerOf(rows[0], claims.sessionId) : null;
}

/**
 * The same check with a route's first read in the same statement: the caller as `activeSessionUser`
 * answers it, and the read's row (null when there is none), which runs only for a session that holds.
 */
export async function activeSessionUserWith(
  db: Pick<Pool, 'query'>,
  claims: SessionClaims,
  read: SessionRead,
  value: string,
): Promise<{ user: AuthenticatedUser; row: Record<string, unknown> | null } | null> {
  const { rows } = await db.query<CallerColumns & { read: boolean | null }>({
    name: `active-session-user:${read.name}`,
    text: `SELECT ${CALLER}, r.* ${ACTIVE_SESSION} LEFT JOIN LATERAL (SELECT true AS read, x.* FROM (${read.sql}) x) r ON true
            WHERE ${HOLDS}`,
    values: [claims.sessionId, claims.userId, claims.organisationId, value],
  });
  const found = rows[0];
  if (!found) return null;
  const { callerId, callerOrganisationId, callerRole, callerManagerId, read: wasRead, ...row } = found;
  const user = callerOf({ callerId, callerOrganisationId, callerRole, callerManagerId }, claims.sessionId);
  return { user, row: wasRead ? row : null };
}
