import type { NotificationView, Page } from '@coachflow/contracts';
import { findNotification, type NotificationRow, notificationsPage } from '@coachflow/read-models';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { AuthenticatedUser } from '#api/infrastructure/auth/authenticated-user';
import { PG_POOL } from '#api/infrastructure/database/database.module';
import { nextCursor, type PageQuery } from '#api/infrastructure/http/page-query';
import { CyclesErrorCode, CyclesException } from '#api/modules/cycles/cycles.exception';

/**
 * The caller's own notifications (a projection of escalations and overdue tasks); nobody reads another's.
 * Read marks are this module's own table, `notification_reads`, never a column of the projection.
 */
@Injectable()
export class NotificationsService {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Newest first; the cursor is the last notification of the previous page. */
  async list(
    caller: AuthenticatedUser,
    unreadOnly: boolean,
    page: PageQuery,
  ): Promise<Page<NotificationView>> {
    const rows = await notificationsPage(this.pool, {
      organisationId: caller.organisationId,
      userId: caller.id,
      unreadOnly,
      ...(page.after ? { after: page.after } : {}),
      limit: page.limit,
    });
    const items = rows.map(toNotificationView);
    return { items, nextCursor: nextCursor(items, page.limit) };
  }

  /** Marks one of the caller's notifications read (again: a no-op, the first time stays); 404 for anyone else's. */
  async markRead(caller: AuthenticatedUser, id: string): Promise<NotificationView> {
    const mine = { organisationId: caller.organisationId, userId: caller.id, id };
    if (!(await findNotification(this.pool, mine)))
      throw new CyclesException(CyclesErrorCode.NotificationNotFound, 'No such notification.');
    await this.pool.query(
      `INSERT INTO notification_reads (notification_id, user_id, read_at) VALUES ($1, $2, now())
       ON CONFLICT (notification_id) DO NOTHING`,
      [id, caller.id],
    );
    const row = await findNotification(this.pool, mine);
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
