import { randomUUID } from 'node:crypto';
import type { AuditEventType, AuditEventView, Page } from '@coachflow/contracts';
import type { DomainEvent } from '@coachflow/domain';
import type { PostgresEventStore, SqlTransaction } from '@coachflow/event-store';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { EntityManager } from 'typeorm';
import { EVENT_STORE, PG_POOL } from '#api/infrastructure/database/database.module';
import { auditStreamId } from './audit-stream-id';

/** One audit fact: who (null when nobody was signed in) did what, with its details. */
export interface AuditEntry {
  type: Exclude<AuditEventType, 'ConfigurationPublished'>;
  organisationId: string;
  actorId: string | null;
  data: Record<string, unknown>;
}

interface AuditRow {
  global_position: string;
  stream_id: string;
  event_type: string;
  data: Record<string, unknown>;
  recorded_at: Date;
}

/**
 * The audit log: people and sign-in facts are appended to the organisation's `audit-<id>` stream; the
 * list adds the `ConfigurationPublished` events of the organisation's rubric, form and playbook streams,
 * whose first event names the organisation.
 */
@Injectable()
export class AuditService {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: PostgresEventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  /** Appends the entries on their own: for facts with no change of state beside them (failed sign-ins). */
  async record(entries: AuditEntry[], at = new Date()): Promise<void> {
    for (const [organisationId, events] of eventsByOrganisation(entries, at))
      await this.eventStore.appendToStream(auditStreamId(organisationId), events, { expectedVersion: 'any' });
  }

  /**
   * Appends the entries in the transaction of the change they record, so both commit or neither does (a
   * crash after the change's commit cannot lose its audit fact).
   */
  async recordIn(manager: EntityManager, entries: AuditEntry[], at = new Date()): Promise<void> {
    await this.recordWithin(
      {
        query: async (text: string, values?: unknown[]) => ({
          rows: (await manager.query(text, values)) as Record<string, unknown>[],
        }),
      },
      entries,
      at,
    );
  }

  /** As `recordIn`, in a transaction a pg client opened. */
  async recordWithin(transaction: SqlTransaction, entries: AuditEntry[], at = new Date()): Promise<void> {
    for (const [organisationId, events] of eventsByOrganisation(entries, at))
      await this.eventStore.appendWithin(transaction, auditStreamId(organisationId), events, {
        expectedVersion: 'any',
      });
  }

  /** Newest first; `before` is the position the previous page ended at. */
  async list(
    organisationId: string,
    page: { limit: number; before: number | undefined },
  ): Promise<Page<AuditEventView>> {
    const { rows } = await this.pool.query<AuditRow>(
      `(SELECT global_position, stream_id, event_type, data, recorded_at FROM events
         WHERE stream_id = $1 AND ($3::bigint IS NULL OR global_position < $3)
         ORDER BY global_position DESC LIMIT $4)
       UNION ALL
       (SELECT p.global_position, p.stream_id, p.event_type, p.data, p.recorded_at FROM events p
         WHERE p.event_type = 'ConfigurationPublished' AND ($3::bigint IS NULL OR p.global_position < $3)
           AND EXISTS (SELECT 1 FROM events d WHERE d.stream_id = p.stream_id AND d.stream_version = 1
                        AND d.data->>'organisationId' = $2)
         ORDER BY p.global_position DESC LIMIT $4)
       ORDER BY global_position DESC LIMIT $4`,
      [auditStreamId(organisationId), organisationId, page.before ?? null, page.limit],
    );
    const items = rows.map(toAuditView);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        items.length === page.limit && last ? Buffer.from(String(last.position)).toString('base64url') : null,
    };
  }
}

function eventsByOrganisation(entries: AuditEntry[], at: Date): Map<string, DomainEvent[]> {
  const byOrganisation = new Map<string, DomainEvent[]>();
  for (const entry of entries) {
    const events = byOrganisation.get(entry.organisationId) ?? [];
    events.push({
      id: randomUUID(),
      type: entry.type,
      data: { ...entry.data, by: entry.actorId, at: at.toISOString() },
      metadata: { organisationId: entry.organisationId },
    });
    byOrganisation.set(entry.organisationId, events);
  }
  return byOrganisation;
}

function toAuditView(row: AuditRow): AuditEventView {
  const by = row.data['by'];
  const at = row.data['at'];
  return {
    position: Number(row.global_position),
    type: row.event_type,
    streamId: row.stream_id,
    actorId: typeof by === 'string' ? by : null,
    at: typeof at === 'string' ? at : row.recorded_at.toISOString(),
    data: row.data,
  };
}
