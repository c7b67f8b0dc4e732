import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in sessions (refresh tokens, revocation) and a database-level guarantee that a reporting line never
 * crosses organisations. Cycles in the reporting line are refused by the API under a per-organisation lock
 * (a trigger cannot see a whole multi-row import consistently); this constraint is the part SQL can own.
 */
export class SessionsAndReportingLines1763888400200 implements MigrationInterface {
  name = 'SessionsAndReportingLines1763888400200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        user_id uuid NOT NULL REFERENCES users(id),
        -- SHA-256 of the refresh token: a leaked table row cannot be replayed as a token.
        refresh_token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await db.query(`CREATE INDEX sessions_user_open_idx ON sessions (user_id) WHERE revoked_at IS NULL`);
    await db.query(`ALTER TABLE users ADD CONSTRAINT users_organisation_id_key UNIQUE (organisation_id, id)`);
    // A manager of another organisation cannot be referenced, whatever the application does.
    await db.query(`
      ALTER TABLE users ADD CONSTRAINT users_manager_same_organisation_fkey
        FOREIGN KEY (organisation_id, manager_id) REFERENCES users (organisation_id, id)`);
    // The admins' audit list reads publishes of every configuration stream; this keeps it off a full scan.
    await db.query(`
      CREATE INDEX events_configuration_published_idx ON events (global_position)
        WHERE event_type = 'ConfigurationPublished'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX events_configuration_published_idx`);
    await db.query(`ALTER TABLE users DROP CONSTRAINT users_manager_same_organisation_fkey`);
    await db.query(`ALTER TABLE users DROP CONSTRAINT users_organisation_id_key`);
    await db.query(`DROP TABLE sessions`);
  }
}
