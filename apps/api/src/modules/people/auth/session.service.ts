import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, IsNull, MoreThan, Not, type Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#api/config/app-config';
import { SessionEntity } from '#api/modules/people/entities/session.entity';

export interface IssuedSession {
  sessionId: string;
  refreshToken: string;
}

/** Refresh tokens are random; only their SHA-256 is stored (a slow hash adds nothing to 256 random bits). */
function digest(refreshToken: string): string {
  return createHash('sha256').update(refreshToken).digest('hex');
}

/**
 * Sign-in sessions: each holds one refresh token, rotated on every refresh. Revoking a session ends its
 * refresh token at once and its access tokens on their next request (the guard checks the session).
 */
@Injectable()
export class SessionService {
  constructor(
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async open(user: { id: string; organisationId: string }): Promise<IssuedSession> {
    // Each sign-in sweeps the user's dead sessions, so the table holds live ones and a day of history.
    await this.sessions.query(
      `DELETE FROM sessions
        WHERE user_id = $1 AND (expires_at < now() OR revoked_at < now() - interval '1 day')`,
      [user.id],
    );
    const refreshToken = randomBytes(32).toString('base64url');
    const session = await this.sessions.save(
      this.sessions.create({
        organisationId: user.organisationId,
        userId: user.id,
        refreshTokenHash: digest(refreshToken),
        expiresAt: new Date(Date.now() + this.config.refreshTtlSeconds * 1000),
        revokedAt: null,
      }),
    );
    return { sessionId: session.id, refreshToken };
  }

  /**
   * Trades a refresh token for a new one on the same session; null when the token is unknown, already
   * rotated, revoked or expired. The swap is one statement that also keeps the spent token's hash, so a
   * token works exactly once, and presenting a spent one again (whoever holds it: the thief or the
   * victim, one of them refreshed first) revokes the whole session.
   */
  async rotate(refreshToken: string): Promise<(IssuedSession & { userId: string }) | null> {
    const next = randomBytes(32).toString('base64url');
    const spent = digest(refreshToken);
    const rows: { id: string; user_id: string }[] = await this.sessions.query(
      `WITH rotated AS (
         UPDATE sessions SET refresh_token_hash = $2
          WHERE refresh_token_hash = $1 AND revoked_at IS NULL AND expires_at > now()
          RETURNING id, user_id),
       kept AS (INSERT INTO spent_refresh_tokens (refresh_token_hash, session_id) SELECT $1, id FROM rotated)
       SELECT id, user_id FROM rotated`,
      [spent, digest(next)],
    );
    const row = rows[0];
    if (row) return { sessionId: row.id, refreshToken: next, userId: row.user_id };
    await this.sessions.query(
      `UPDATE sessions SET revoked_at = now()
        WHERE revoked_at IS NULL
          AND id = (SELECT session_id FROM spent_refresh_tokens WHERE refresh_token_hash = $1)`,
      [spent],
    );
    return null;
  }

  /** The session a refresh token belongs to, if it is still open. */
  async findOpenByRefreshToken(refreshToken: string): Promise<SessionEntity | null> {
    return this.sessions.findOneBy({
      refreshTokenHash: digest(refreshToken),
      revokedAt: IsNull(),
      expiresAt: MoreThan(new Date()),
    });
  }

  async revoke(sessionId: string): Promise<void> {
    await this.sessions.update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /**
   * Ends every session of the user except `keep` (the one changing the password stays signed in), in the
   * caller's transaction: the change that ends them (a deactivation, a new password) commits with it or
   * not at all, so no crash between the two leaves a session alive.
   */
  async revokeAllOf(manager: EntityManager, userId: string, keep?: string): Promise<void> {
    await manager.update(
      SessionEntity,
      { userId, revokedAt: IsNull(), ...(keep ? { id: Not(keep) } : {}) },
      { revokedAt: new Date() },
    );
  }
}
