import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read marks of notifications move out of the notifications projection into a table of the API's own,
 * keyed by notification id (ids are derived from events, so a rebuilt projection has the same ones): a
 * rebuild no longer turns every notification unread. Marks already made are carried over.
 */
export class NotificationReads1763888400500 implements MigrationInterface {
  name = 'NotificationReads1763888400500';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE notification_reads (
      notification_id uuid PRIMARY KEY,
      user_id uuid NOT NULL,
      read_at timestamptz NOT NULL
    )`);
    const [{ exists }] = (await db.query(
      `SELECT EXISTS (SELECT 1 FROM information_schema.columns
                       WHERE table_name = 'notifications' AND column_name = 'read_at') AS exists`,
    )) as [{ exists: boolean }];
    if (exists)
      await db.query(`INSERT INTO notification_reads (notification_id, user_id, read_at)
                      SELECT id, user_id, read_at FROM notifications WHERE read_at IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notification_reads`);
  }
}
