import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisations, users with reporting lines, and the cycle registry that guards one running cycle per rep. */
export class PeopleAndCycles1763888400000 implements MigrationInterface {
  name = 'PeopleAndCycles1763888400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        email text NOT NULL,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'leader', 'manager', 'rep')),
        manager_id uuid REFERENCES users(id),
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (manager_id IS NULL OR manager_id <> id)
      )`);
    // Login is by email alone, so an email is unique across organisations, whatever its case.
    await db.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);
    await db.query(`CREATE INDEX users_organisation_manager_idx ON users (organisation_id, manager_id)`);
    await db.query(`
      CREATE TABLE cycles (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        rep_id uuid NOT NULL REFERENCES users(id),
        manager_id uuid NOT NULL REFERENCES users(id),
        playbook_id uuid NOT NULL,
        playbook_version integer NOT NULL,
        phase text NOT NULL,
        status text NOT NULL,
        workflow_id text NOT NULL UNIQUE,
        started_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The database, not a read-then-write race, decides that a rep has at most one running cycle.
    await db.query(
      `CREATE UNIQUE INDEX cycles_one_running_per_rep ON cycles (rep_id) WHERE status = 'running'`,
    );
    await db.query(`CREATE INDEX cycles_organisation_idx ON cycles (organisation_id, status)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE cycles`);
    await db.query(`DROP TABLE users`);
    await db.query(`DROP TABLE organisations`);
  }
}
