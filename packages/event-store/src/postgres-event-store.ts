import type { DomainEvent } from '@coachflow/domain';
import type { Pool, PoolClient } from 'pg';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ReadStreamOptions,
  RecordedEvent,
} from './event-store';
import { EventStoreErrorCode, EventStoreException } from './event-store.errors';
import { assertExpectedVersion } from './expected-version';

interface EventRow {
  event_id: string;
  event_type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  stream_id: string;
  stream_version: string;
  global_position: string;
  recorded_at: Date;
}

/** The event store on Postgres (tables from @coachflow/database's migrations). */
export class PostgresEventStore implements EventStore {
  constructor(private readonly pool: Pool) {}

  async appendToStream(
    streamId: string,
    events: DomainEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    if (events.length === 0)
      throw new EventStoreException(EventStoreErrorCode.EmptyBatch, 'Nothing to append');
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await this.appendInTransaction(client, streamId, events, options);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT event_id, event_type, data, metadata, stream_id, stream_version, global_position, recorded_at
         FROM events WHERE stream_id = $1 AND stream_version >= $2 ORDER BY stream_version`,
      [streamId, options.fromVersion ?? 1],
    );
    return rows.map(toRecordedEvent);
  }

  private async appendInTransaction(
    client: PoolClient,
    streamId: string,
    events: DomainEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    // The stream row is the lock that serialises writers of one stream; writers of others never wait.
    await client.query(
      'INSERT INTO event_streams (stream_id, version) VALUES ($1, 0) ON CONFLICT DO NOTHING',
      [streamId],
    );
    const locked = await client.query<{ version: string }>(
      'SELECT version FROM event_streams WHERE stream_id = $1 FOR UPDATE',
      [streamId],
    );
    const currentVersion = Number(locked.rows[0]?.version ?? 0);

    const ids = events.map((event) => event.id);
    const stored = await client.query('SELECT 1 FROM events WHERE stream_id = $1 AND event_id = ANY($2)', [
      streamId,
      ids,
    ]);
    if (stored.rowCount === events.length) {
      return { nextExpectedVersion: currentVersion, lastPosition: null, alreadyAppended: true };
    }
    if (stored.rowCount) {
      throw new EventStoreException(
        EventStoreErrorCode.PartialDuplicateBatch,
        `Stream ${streamId} already holds some but not all of this batch's events`,
      );
    }
    assertExpectedVersion(streamId, options.expectedVersion ?? 'any', currentVersion);

    const inserted = await client.query<{ global_position: string }>(
      `INSERT INTO events (stream_id, stream_version, event_id, event_type, data, metadata)
       SELECT $1, $2::bigint + ordinality, id, type, data, metadata
         FROM unnest($3::text[], $4::text[], $5::jsonb[], $6::jsonb[]) WITH ORDINALITY AS e(id, type, data, metadata)
       RETURNING global_position`,
      [
        streamId,
        currentVersion,
        ids,
        events.map((event) => event.type),
        events.map((event) => JSON.stringify(event.data)),
        events.map((event) => JSON.stringify(event.metadata ?? {})),
      ],
    );
    const nextVersion = currentVersion + events.length;
    await client.query('UPDATE event_streams SET version = $2, updated_at = now() WHERE stream_id = $1', [
      streamId,
      nextVersion,
    ]);
    const positions = inserted.rows.map((row) => Number(row.global_position));
    return { nextExpectedVersion: nextVersion, lastPosition: Math.max(...positions), alreadyAppended: false };
  }
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    type: row.event_type,
    data: row.data,
    metadata: row.metadata,
    streamId: row.stream_id,
    streamVersion: Number(row.stream_version),
    globalPosition: Number(row.global_position),
    recordedAt: row.recorded_at,
  };
}
