import type { NotificationPreferences, Role } from '@coachflow/contracts';
import { defaultNotificationPreferences } from '@coachflow/domain';
import type { Queryable } from '../query-projection';

const PREFERENCES_TABLE = 'notification_preferences';

/** A person's mail preferences: what they saved, else their role's defaults. */
export async function notificationPreferencesOf(
  db: Queryable,
  user: { id: string; role: Role },
): Promise<NotificationPreferences> {
  const { rows } = await db.query<{ preferences: NotificationPreferences }>(
    `SELECT preferences FROM ${PREFERENCES_TABLE} WHERE user_id = $1`,
    [user.id],
  );
  return rows[0]?.preferences ?? defaultNotificationPreferences(user.role);
}

export async function saveNotificationPreferences(
  db: Queryable,
  userId: string,
  preferences: NotificationPreferences,
): Promise<void> {
  await db.query(
    `INSERT INTO ${PREFERENCES_TABLE} (user_id, preferences, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (user_id) DO UPDATE SET preferences = excluded.preferences, updated_at = now()`,
    [userId, JSON.stringify(preferences)],
  );
}

export interface DigestRecipient {
  id: string;
  organisationId: string;
  preferences: NotificationPreferences;
}

/** Every active manager, leader and rep with their preferences (defaults filled in): digest candidates. */
export async function digestRecipients(db: Queryable): Promise<DigestRecipient[]> {
  const { rows } = await db.query<{
    id: string;
    organisationId: string;
    role: Role;
    preferences: NotificationPreferences | null;
  }>(
    `SELECT u.id, u.organisation_id AS "organisationId", u.role, p.preferences
     FROM users u LEFT JOIN ${PREFERENCES_TABLE} p ON p.user_id = u.id
     WHERE u.active AND u.role <> 'admin'`,
    [],
  );
  return rows.map((row) => ({
    id: row.id,
    organisationId: row.organisationId,
    preferences: row.preferences ?? defaultNotificationPreferences(row.role),
  }));
}
