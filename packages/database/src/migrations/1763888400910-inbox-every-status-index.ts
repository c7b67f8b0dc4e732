import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An inbox page of every status (a year of completed tasks) scanned the `tasks` projection's primary key
 * in task id order, filtering by assignee: 168 ms at p99 with a million events (`npm run bench -- history`),
 * growing with the table. An index on (assignee_id, task_id) makes it a range scan that stops at the page.
 * The projection creates it with the table now; this adds it to a table created before. A database whose
 * worker has not created the table yet gets it from the projection.
 */
export class InboxEveryStatusIndex1763888400910 implements MigrationInterface {
  name = 'InboxEveryStatusIndex1763888400910';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      DO $$
      BEGIN
        IF to_regclass('tasks') IS NOT NULL AND NOT EXISTS (
          SELECT 1 FROM pg_indexes
           WHERE schemaname = current_schema() AND tablename = 'tasks'
             AND indexdef LIKE '%(assignee_id, task_id)'
        ) THEN
          CREATE INDEX tasks_assignee_id_task_id_idx ON tasks (assignee_id, task_id);
        END IF;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS tasks_assignee_id_task_id_idx`);
  }
}
