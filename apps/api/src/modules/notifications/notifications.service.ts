import type { NotificationView, Page } from '@coachflow/contracts';
import { NOTIFICATIONS_TABLE } from '@coachflow/read-models';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '#api/infrastructure/database/database.module';
import { nextCursor, type PageQuery } from '#api/infrastructure/http/page-query';
import { CyclesErrorCode, CyclesException } from '#api/modules/cycles/cycles.exception';
import { queryProjection } from '#api/modules/cycles/query-projection';
import type { AuthenticatedUser } from '#api/infrastructure/auth/authenticated-user';

interface NotificationRow {
  id: string;
  kind: NotificationView['kind'];
  cycleId: string;
  taskId: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
}

const SELECT = `SELECT id, kind, cycle_id AS "cycleId", task_id AS "taskId", details, created_at AS "createdAt",
  read_at AS "readAt" FROM ${NOTIFICATIONS_TABLE}`;

/** The caller's own notifications (a projection of escalations and overdue tasks); nobody reads another's. */
@Injectable()
export class NotificationsService {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Newest first; the cursor is the last notification of the previous page. */
  async list(
    caller: AuthenticatedUser,
    unreadOnly: boolean,
    page: PageQuery,
  ): Promise<Page<NotificationView>> {
    const rows = await queryProjection<NotificationRow>(
      this.pool,
      `${SELECT}
        WHERE user_id = $1 AND organisation_id = $2 AND (NOT $3 OR read_at IS NULL)
          AND ($4::uuid IS NULL OR (created_at, id) < (SELECT created_at, id FROM ${NOTIFICATIONS_TABLE}
                                                       WHERE id = $4 AND user_id = $1))
        ORDER BY created_at DESC, id DESC LIMIT $5`,
      [caller.id, caller.organisationId, unreadOnly, page.after ?? null, page.limit],
    );
    const items = rows.map(toNotificationView);
    return { items, nextCursor: nextCursor(items, page.limit) };
  }

  /** Marks one of the caller's notifications read (again: a no-op); 404 for anyone else's. */
  async markRead(caller: AuthenticatedUser, id: string): Promise<NotificationView> {
    const rows = await queryProjection<NotificationRow>(
      this.pool,
      `WITH updated AS (
         UPDATE ${NOTIFICATIONS_TABLE} SET read_at = coalesce(read_at, now())
          WHERE id = $1 AND user_id = $2 AND organisation_id = $3
          RETURNING id, kind, cycle_id, task_id, details, created_at, read_at)
       SELECT id, kind, cycle_id AS "cycleId", task_id AS "taskId", details, created_at AS "createdAt",
              read_at AS "readAt" FROM updated`,
      [id, caller.id, caller.organisationId],
    );
    const row = rows[0];
    if (!row) throw new CyclesException(CyclesErrorCode.NotificationNotFound, 'No such notification.');
    return toNotificationView(row);
  }
}

function toNotificationView(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    cycleId: row.cycleId,
    ...(row.taskId ? { taskId: row.taskId } : {}),
    details: row.details,
    createdAt: row.createdAt.toISOString(),
    ...(row.readAt ? { readAt: row.readAt.toISOString() } : {}),
  };
}
