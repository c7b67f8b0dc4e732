import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Projection checkpoints become (transaction id, global position) pairs, read in that order. A position
 * alone could skip an event: a transaction that took its id first may draw its positions after one that
 * took its id later, and commit first; a reader fenced at the oldest running transaction then read the
 * higher position and moved its checkpoint past the lower one, committed a moment later (Emmett reads
 * the same way). Existing checkpoints take the newest transaction id among the events at or below their
 * position, so nothing already applied is applied again.
 */
export class CheckpointTransaction1763888400400 implements MigrationInterface {
  name = 'CheckpointTransaction1763888400400';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE projection_checkpoints ADD COLUMN transaction_id xid8 NOT NULL DEFAULT '0'`);
    await db.query(`
      UPDATE projection_checkpoints c
         SET transaction_id = coalesce(
               (SELECT e.transaction_id FROM events e WHERE e.global_position <= c.position
                 ORDER BY e.transaction_id DESC LIMIT 1),
               '0')
       WHERE c.position > 0`);
    await db.query(`CREATE INDEX events_transaction_position ON events (transaction_id, global_position)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX events_transaction_position`);
    await db.query(`ALTER TABLE projection_checkpoints DROP COLUMN transaction_id`);
  }
}
