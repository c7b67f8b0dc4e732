import { v5 as uuidV5 } from 'uuid';
import { cycleDirectoryTable, withCycleDirectory } from '../cycle-directory';
import type { WritingProjection } from '../live-updates/with-live-updates';
import { NOTIFICATION_EVENT_TYPES, notificationFor } from './notification-for';

export const NOTIFICATIONS_TABLE = 'notifications';
const NOTIFICATION_CYCLES_TABLE = 'notifications_cycles';
/** A notification a batch stored (a replayed one is already there, and not returned). */
export interface StoredNotification {
  id: string;
  organisationId: string;
  userId: string;
  cycleId: string;
  taskId: string | null;
}

// Namespace of notification ids (random, fixed forever): the id is derived from the event that sends it.
const NOTIFICATIONS_NAMESPACE = '0d3c8f4e-5b7a-4e1f-9a26-7c1b2e8d4f60';

/** The id of the notification an event sends (derived, so a replayed event cannot notify twice). */
export function notificationIdOf(eventId: string): string {
  return uuidV5(eventId, NOTIFICATIONS_NAMESPACE);
}

/**
 * What a cycle tells people: escalations and overdue tasks, one row per notification. A notification's id
 * is derived from its event's id, so a replayed event cannot notify twice and a rebuilt one keeps its id:
 * the read marks the API keeps by id (notification_reads) still find it. A batch's notifications are
 * stored in one statement, which returns those it stored for the live updates.
 */
export const notificationsProjection: WritingProjection<StoredNotification[]> = {
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
    const cycles = table(NOTIFICATION_CYCLES_TABLE);
    const sent = (await withCycleDirectory(events, db, cycles)).flatMap(({ event, cycleId }) => {
      const notification = notificationFor(event);
      return notification ? [{ id: notificationIdOf(event.id), cycleId, ...notification }] : [];
    });
    if (sent.length === 0) return [];
    const { rows } = await db.query<StoredNotification>(
      `INSERT INTO ${table(NOTIFICATIONS_TABLE)}
         (id, organisation_id, user_id, kind, cycle_id, task_id, details, created_at)
       SELECT n.id, c.organisation_id, n.user_id, n.kind, n.cycle_id, n.task_id, n.details, n.created_at
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::jsonb[], $7::timestamptz[])
              AS n(id, user_id, kind, cycle_id, task_id, details, created_at)
         JOIN ${cycles} c ON c.cycle_id = n.cycle_id
       ON CONFLICT (id) DO NOTHING
       RETURNING id, organisation_id AS "organisationId", user_id AS "userId", cycle_id AS "cycleId",
                 task_id AS "taskId"`,
      [
        sent.map((notification) => notification.id),
        sent.map((notification) => notification.userId),
        sent.map((notification) => notification.kind),
        sent.map((notification) => notification.cycleId),
        sent.map((notification) => notification.taskId),
        sent.map((notification) => JSON.stringify(notification.details)),
        sent.map((notification) => notification.createdAt),
      ],
    );
    return rows;
  },
};
