import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staffing changes still to reach running cycles (a rep's new manager, a deactivated user's open tasks),
 * written in the transaction that changed the people: a crash after that commit leaves the row, and a
 * dispatcher in any API process sends the workflow Updates until they are through, then deletes it.
 */
export class StaffingDispatches1763888400900 implements MigrationInterface {
  name = 'StaffingDispatches1763888400900';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE staffing_dispatches (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        organisation_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('manager-changed', 'user-deactivated')),
        payload jsonb NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX staffing_dispatches_due ON staffing_dispatches (next_attempt_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE staffing_dispatches`);
  }
}
