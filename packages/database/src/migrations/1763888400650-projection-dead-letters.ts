import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events a projection could not apply, parked with the error so the projection goes on for everyone else
 * (one tenant's unstorable date once stopped every tenant's inbox). A rebuild replays them.
 */
export class ProjectionDeadLetters1763888400650 implements MigrationInterface {
  name = 'ProjectionDeadLetters1763888400650';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE projection_dead_letters (
        projection text NOT NULL,
        global_position bigint NOT NULL,
        event_id text NOT NULL,
        stream_id text NOT NULL,
        event_type text NOT NULL,
        error text NOT NULL,
        parked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (projection, global_position)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE projection_dead_letters`);
  }
}
