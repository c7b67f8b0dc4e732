import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook endpoints an organisation's admins register. The signing secret is stored encrypted
 * (AES-256-GCM with WEBHOOK_SECRET_KEY); an endpoint whose deliveries keep failing is disabled.
 */
export class WebhookEndpoints1763888400820 implements MigrationInterface {
  name = 'WebhookEndpoints1763888400820';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE webhook_endpoints (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        url text NOT NULL,
        event_types text[] NOT NULL,
        format text NOT NULL,
        secret_encrypted text NOT NULL,
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        disabled_at timestamptz,
        disabled_reason text
      )`);
    await db.query(`CREATE INDEX webhook_endpoints_organisation ON webhook_endpoints (organisation_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE webhook_endpoints`);
  }
}
