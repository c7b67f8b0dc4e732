import { type StoredNotification, notificationIdOf } from '../notifications/notifications.projection';
import type { LiveUpdate } from './live-update';
import type { LiveAudience } from './with-live-updates';

/** A notification's recipient hears of it as soon as it is stored. */
export const notificationAudience: LiveAudience<StoredNotification[]> = (events, stored) => {
  const byId = new Map(events.map((event) => [notificationIdOf(event.id), event]));
  return stored.flatMap((row): LiveUpdate[] => {
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
