import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The login rate limit's counters, shared by every API process (a limit kept in each process's memory
 * multiplies by the number of processes), and the refresh tokens a session has already used, so a
 * replayed one is recognised and ends its whole session.
 */
export class LoginLimitsAndSpentRefreshTokens1763888400620 implements MigrationInterface {
  name = 'LoginLimitsAndSpentRefreshTokens1763888400620';

  async up(db: QueryRunner): Promise<void> {
    // Unlogged: counters of a one-minute window are not worth a WAL write, and a crash only resets them.
    // The key is a SHA-256 of the limit's key (address and email), so attempted addresses are not kept.
    await db.query(`
      CREATE UNLOGGED TABLE rate_limit_windows (
        key_hash text PRIMARY KEY,
        hits integer NOT NULL,
        ends_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX rate_limit_windows_ends_at_idx ON rate_limit_windows (ends_at)`);
    await db.query(`
      CREATE TABLE spent_refresh_tokens (
        refresh_token_hash text PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX spent_refresh_tokens_session_idx ON spent_refresh_tokens (session_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE spent_refresh_tokens`);
    await db.query(`DROP TABLE rate_limit_windows`);
  }
}
