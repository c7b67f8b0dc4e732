import type { DeliveryView, ListDeliveriesQuery, Page } from '@coachflow/contracts';
import { deliveriesPage, type DeliveryListRow } from '@coachflow/read-models';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '#api/infrastructure/database/database.module';
import { nextCursor, type PageQuery } from '#api/infrastructure/http/page-query';

/** Reads the notification outbox (written by the worker's outbox lane and sender) for admins. */
@Injectable()
export class DeliveriesService {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async list(
    organisationId: string,
    filters: Pick<ListDeliveriesQuery, 'status' | 'channel' | 'recipientId' | 'since' | 'until'>,
    page: PageQuery,
  ): Promise<Page<DeliveryView>> {
    const rows = await deliveriesPage(this.pool, {
      organisationId,
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.channel ? { channel: filters.channel } : {}),
      ...(filters.recipientId ? { recipientId: filters.recipientId } : {}),
      ...(filters.since ? { since: new Date(filters.since) } : {}),
      ...(filters.until ? { until: new Date(filters.until) } : {}),
      ...(page.after ? { after: page.after } : {}),
      limit: page.limit,
    });
    const items = rows.map(toDeliveryView);
    return { items, nextCursor: nextCursor(items, page.limit) };
  }
}

function toDeliveryView(row: DeliveryListRow): DeliveryView {
  return {
    id: row.id,
    idempotencyKey: row.idempotencyKey,
    eventId: row.eventId,
    eventType: row.eventType,
    channel: row.channel,
    recipientId: row.recipientId,
    ...(row.recipientName ? { recipientName: row.recipientName } : {}),
    kind: row.kind,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt.toISOString(),
    ...(row.lastError ? { lastError: row.lastError } : {}),
    createdAt: row.createdAt.toISOString(),
    ...(row.sentAt ? { sentAt: row.sentAt.toISOString() } : {}),
    ...(row.responseCode !== null ? { responseCode: row.responseCode } : {}),
  };
}
