import { NOTIFICATIONS_TABLE, notificationIdOf } from '../notifications/notifications.projection';
import type { LiveUpdate } from './live-update';
import type { LiveAudience } from './with-live-updates';

interface NotificationRow {
  id: string;
  organisationId: string;
  userId: string;
  cycleId: string;
  taskId: string | null;
}

/** A notification's recipient hears of it as soon as it is stored. */
export const notificationAudience: LiveAudience = async (events, { db, table }) => {
  const byId = new Map(events.map((event) => [notificationIdOf(event.id), event]));
  const { rows } = await db.query<NotificationRow>(
    `SELECT id, organisation_id AS "organisationId", user_id AS "userId", cycle_id AS "cycleId",
            task_id AS "taskId"
       FROM ${table(NOTIFICATIONS_TABLE)} WHERE id = ANY($1::uuid[])`,
    [[...byId.keys()]],
  );
  return rows.flatMap((row): LiveUpdate[] => {
    const event = byId.get(row.id);
    if (!event) return [];
    return [
      {
        position: event.globalPosition,
        kind: 'notification',
        organisationId: row.organisationId,
        userIds: [row.userId],
        data: {
          type: event.type,
          cycleId: row.cycleId,
          notificationId: row.id,
          ...(row.taskId ? { taskId: row.taskId } : {}),
        },
      },
    ];
  });
};
