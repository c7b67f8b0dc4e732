import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The cycle-summaries projection gained columns (focus areas, commitments, escalations, execution concern)
 * and reads more event types. Projection tables are created by the projection runner when missing, never
 * altered, so the old table and its checkpoint go: the worker recreates the table and replays every cycle
 * event into it at its next start. Only a read model is lost, and it is rebuilt from the events.
 */
export class RebuildCycleSummaries1763888400350 implements MigrationInterface {
  name = 'RebuildCycleSummaries1763888400350';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS cycle_summaries`);
    await db.query(`DELETE FROM projection_checkpoints WHERE name = 'cycle-summaries'`);
  }

  async down(): Promise<void> {
    // Nothing to restore: the worker rebuilds whichever shape of the projection it runs.
  }
}
