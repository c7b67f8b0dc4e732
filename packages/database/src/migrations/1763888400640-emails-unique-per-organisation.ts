import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An email is unique within an organisation, not across them: a global rule answered "already taken"
 * for another tenant's address (telling who works where) and let one tenant squat another company's
 * addresses. Sign-in finds the user by address and password, and by organisation when both fit several.
 */
export class EmailsUniquePerOrganisation1763888400640 implements MigrationInterface {
  name = 'EmailsUniquePerOrganisation1763888400640';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE UNIQUE INDEX users_organisation_email_key ON users (organisation_id, lower(email))`,
    );
    await db.query(`DROP INDEX users_email_key`);
    // Sign-in still looks an address up across organisations.
    await db.query(`CREATE INDEX users_email_idx ON users (lower(email))`);
  }

  async down(db: QueryRunner): Promise<void> {
    // Fails while an address belongs to users of several organisations: those must be resolved by hand.
    await db.query(`DROP INDEX users_email_idx`);
    await db.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);
    await db.query(`DROP INDEX users_organisation_email_key`);
  }
}
