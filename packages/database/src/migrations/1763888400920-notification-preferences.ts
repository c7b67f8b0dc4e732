import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A person's mail preferences (contracts' NotificationPreferences); no row means their role's defaults. */
export class NotificationPreferences1763888400920 implements MigrationInterface {
  name = 'NotificationPreferences1763888400920';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notification_preferences (
        user_id uuid PRIMARY KEY REFERENCES users (id),
        preferences jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notification_preferences`);
  }
}
