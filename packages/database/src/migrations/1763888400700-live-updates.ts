import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recent live-update messages, one row per person concerned, written by the projections in the
 * transaction that changed their read model: a stream reconnecting with Last-Event-ID reads what it
 * missed here (by user, after a position); rows older than a day are pruned by the API.
 */
export class LiveUpdates1763888400700 implements MigrationInterface {
  name = 'LiveUpdates1763888400700';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE live_updates (
        user_id uuid NOT NULL,
        position bigint NOT NULL,
        kind text NOT NULL,
        organisation_id uuid NOT NULL,
        data jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, position, kind)
      )`);
    await db.query(`CREATE INDEX live_updates_created_at ON live_updates (created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE live_updates`);
  }
}
