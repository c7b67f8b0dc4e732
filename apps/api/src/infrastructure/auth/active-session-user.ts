import type { Pool } from 'pg';
import type { AuthenticatedUser } from './authenticated-user';

/** Whose session an access token names: the user, their organisation and the sign-in session. */
export interface SessionClaims {
  userId: string;
  organisationId: string;
  sessionId: string;
}

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
  const { rows } = await db.query<Omit<AuthenticatedUser, 'sessionId'>>({
    name: 'active-session-user',
    text: `SELECT u.id, u.organisation_id AS "organisationId", u.role, u.manager_id AS "managerId"
             FROM sessions s JOIN users u ON u.id = s.user_id
            WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
              AND u.id = $2 AND u.organisation_id = $3 AND u.active`,
    values: [claims.sessionId, claims.userId, claims.organisationId],
  });
  const user = rows[0];
  return user ? { ...user, sessionId: claims.sessionId } : null;
}
