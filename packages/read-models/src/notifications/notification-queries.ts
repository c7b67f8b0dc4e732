import { type Queryable, queryProjection } from '../query-projection';
import type { NotificationKind } from './notification-for';
import { NOTIFICATIONS_TABLE } from './notifications.projection';

/**
 * Read marks are the API's own table (migration NotificationReads), keyed by notification id, not a column
 * of the projection: a rebuild recreates the notifications, and their read marks still apply.
 */
const READS_TABLE = 'notification_reads';

/** A notification with the reader's read mark. */
export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  cycleId: string;
  taskId: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
}

const SELECT = `SELECT n.id, n.kind, n.cycle_id AS "cycleId", n.task_id AS "taskId", n.details,
    n.created_at AS "createdAt", r.read_at AS "readAt"
  FROM ${NOTIFICATIONS_TABLE} n LEFT JOIN ${READS_TABLE} r ON r.notification_id = n.id`;

export interface NotificationsQuery {
  organisationId: string;
  userId: string;
  unreadOnly: boolean;
  /** The last notification id of the previous page. */
  after?: string;
  limit: number;
}

/** One page of a person's notifications, newest first. */
export function notificationsPage(db: Queryable, query: NotificationsQuery): Promise<NotificationRow[]> {
  return queryProjection<NotificationRow>(
    db,
    `${SELECT}
      WHERE n.user_id = $1 AND n.organisation_id = $2 AND (NOT $3 OR r.read_at IS NULL)
        AND ($4::uuid IS NULL OR (n.created_at, n.id) < (SELECT created_at, id FROM ${NOTIFICATIONS_TABLE}
                                                         WHERE id = $4 AND user_id = $1))
      ORDER BY n.created_at DESC, n.id DESC LIMIT $5`,
    [query.userId, query.organisationId, query.unreadOnly, query.after ?? null, query.limit],
  );
}

/** One of the person's notifications, or undefined (nobody finds another's). */
export async function findNotification(
  db: Queryable,
  query: { organisationId: string; userId: string; id: string },
): Promise<NotificationRow | undefined> {
  const rows = await queryProjection<NotificationRow>(
    db,
    `${SELECT} WHERE n.id = $1 AND n.user_id = $2 AND n.organisation_id = $3`,
    [query.id, query.userId, query.organisationId],
  );
  return rows[0];
}
