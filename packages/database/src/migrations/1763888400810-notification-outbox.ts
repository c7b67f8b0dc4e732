import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notification outbox: one row per recipient and channel, written by the `notification-outbox`
 * projection in the transaction that moves its checkpoint, and drained by the sender. It is not a
 * projection table (a rebuild must not send again): the unique idempotency key (event id, recipient,
 * channel) makes a replayed event find its delivery already there. Every attempt is kept.
 */
export class NotificationOutbox1763888400810 implements MigrationInterface {
  name = 'NotificationOutbox1763888400810';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notification_deliveries (
        id uuid PRIMARY KEY,
        idempotency_key text NOT NULL UNIQUE,
        organisation_id uuid NOT NULL,
        event_id text NOT NULL,
        channel text NOT NULL,
        recipient_id uuid NOT NULL,
        kind text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        due_at timestamptz NOT NULL,
        next_attempt_at timestamptz NOT NULL,
        lease_until timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await db.query(`CREATE INDEX notification_deliveries_due ON notification_deliveries (next_attempt_at)
      WHERE status = 'pending'`);
    await db.query(`CREATE INDEX notification_deliveries_page ON notification_deliveries
      (organisation_id, created_at DESC, id DESC)`);
    await db.query(`
      CREATE TABLE notification_delivery_attempts (
        delivery_id uuid NOT NULL REFERENCES notification_deliveries (id),
        attempt integer NOT NULL,
        started_at timestamptz NOT NULL,
        finished_at timestamptz NOT NULL DEFAULT now(),
        outcome text NOT NULL,
        response_code integer,
        error text,
        PRIMARY KEY (delivery_id, attempt)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notification_delivery_attempts`);
    await db.query(`DROP TABLE notification_deliveries`);
  }
}
