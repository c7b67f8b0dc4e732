import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each delivery names the fact it tells of (`EscalationRaised`, `WebhookTest`, ...), so an admin reading the
 * outbox sees what happened without looking the event id up. Deliveries already queued take it from their
 * event, else (facts that are not events) from their kind.
 */
export class DeliveryEventTypes1763888400930 implements MigrationInterface {
  name = 'DeliveryEventTypes1763888400930';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notification_deliveries ADD COLUMN event_type text`);
    await db.query(`UPDATE notification_deliveries d SET event_type = e.event_type
      FROM events e WHERE e.event_id = d.event_id`);
    await db.query(`UPDATE notification_deliveries SET event_type = CASE kind
        WHEN 'webhook-test' THEN 'WebhookTest'
        WHEN 'webhook-disabled' THEN 'WebhookDisabled'
        WHEN 'weekly-digest' THEN 'WeeklyDigest'
        ELSE 'Unknown' END
      WHERE event_type IS NULL`);
    await db.query(`ALTER TABLE notification_deliveries ALTER COLUMN event_type SET NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notification_deliveries DROP COLUMN event_type`);
  }
}
