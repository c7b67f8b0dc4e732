import type { ProjectionDefinition } from '@coachflow/event-store';
import { v5 as uuidV5 } from 'uuid';
import { applyWithCycleDirectory, cycleDirectoryTable } from '../cycle-directory';
import { NOTIFICATION_EVENT_TYPES, notificationFor } from './notification-for';

export const NOTIFICATIONS_TABLE = 'notifications';
const NOTIFICATION_CYCLES_TABLE = 'notifications_cycles';
// Namespace of notification ids (random, fixed forever): the id is derived from the event that sends it.
const NOTIFICATIONS_NAMESPACE = '0d3c8f4e-5b7a-4e1f-9a26-7c1b2e8d4f60';

/** The id of the notification an event sends (derived, so a replayed event cannot notify twice). */
export function notificationIdOf(eventId: string): string {
  return uuidV5(eventId, NOTIFICATIONS_NAMESPACE);
}

/**
 * What a cycle tells people: escalations and overdue tasks, one row per notification. A notification's id
 * is derived from its event's id, so a replayed event cannot notify twice and a rebuilt one keeps its id:
 * the read marks the API keeps by id (notification_reads) still find it.
 */
export const notificationsProjection: ProjectionDefinition = {
  name: 'notifications',
  tables: [
    cycleDirectoryTable(NOTIFICATION_CYCLES_TABLE),
    {
      name: NOTIFICATIONS_TABLE,
      create: (table) => [
        `CREATE TABLE ${table} (
          id uuid PRIMARY KEY,
          organisation_id uuid NOT NULL,
          user_id uuid NOT NULL,
          kind text NOT NULL,
          cycle_id uuid NOT NULL,
          task_id uuid,
          details jsonb NOT NULL DEFAULT '{}',
          created_at timestamptz NOT NULL
        )`,
        `CREATE INDEX ON ${table} (user_id, created_at DESC, id DESC)`,
      ],
    },
  ],
  eventTypes: NOTIFICATION_EVENT_TYPES,
  async apply(events, { db, table }) {
    const notifications = table(NOTIFICATIONS_TABLE);
    const cycles = table(NOTIFICATION_CYCLES_TABLE);
    await applyWithCycleDirectory(events, db, cycles, async (event, cycleId) => {
      const notification = notificationFor(event);
      if (!notification) return;
      await db.query(
        `INSERT INTO ${notifications} (id, organisation_id, user_id, kind, cycle_id, task_id, details, created_at)
         SELECT $1, c.organisation_id, $2, $3, $4, $5, $6, $7 FROM ${cycles} c WHERE c.cycle_id = $4
         ON CONFLICT (id) DO NOTHING`,
        [
          notificationIdOf(event.id),
          notification.userId,
          notification.kind,
          cycleId,
          notification.taskId,
          JSON.stringify(notification.details),
          notification.createdAt,
        ],
      );
    });
  },
};
