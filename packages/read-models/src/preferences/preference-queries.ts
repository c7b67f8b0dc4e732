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

export interface PersonToNotify {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  /** What they saved, else their role's defaults. */
  preferences: NotificationPreferences;
}

/** People by id with their preferences, in one query (the sender reads a batch's recipients at once). */
export async function peopleToNotify(
  db: Queryable,
  ids: readonly string[],
): Promise<Map<string, PersonToNotify>> {
  const { rows } = await db.query<
    Omit<PersonToNotify, 'preferences'> & { preferences: NotificationPreferences | null }
  >(
    `SELECT u.id, u.name, u.email, u.role, u.active, p.preferences
     FROM users u LEFT JOIN ${PREFERENCES_TABLE} p ON p.user_id = u.id WHERE u.id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(
    rows.map((row) => [
      row.id,
      { ...row, preferences: row.preferences ?? defaultNotificationPreferences(row.role) },
    ]),
  );
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
