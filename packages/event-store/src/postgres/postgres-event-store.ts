import type { DomainEvent } from '@coachflow/domain';
import type { Pool, PoolClient } from 'pg';
import { aggregate } from '../aggregate';
import type {
  AggregateResult,
  AppendOptions,
  AppendResult,
  EventStore,
  ExpectedVersion,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
} from '../event-store';
import { emptyBatch, partialDuplicateBatch, wrongExpectedVersion } from '../event-store.errors';
import { EventSchemas } from '../event-schemas';
import { EventNotifier } from './event-notifier';

interface EventRow {
  event_id: string;
  event_type: string;
  schema_version: number;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  stream_id: string;
  stream_version: string;
  global_position: string;
  recorded_at: Date;
}

// Writers using `any` that keep losing the race for the next version give up after this many tries.
const MAX_ANY_ATTEMPTS = 20;

const COLUMNS =
  'event_id, event_type, schema_version, data, metadata, stream_id, stream_version, global_position, recorded_at';

export interface PostgresEventStoreOptions {
  schemas?: EventSchemas;
  /** Wake projection runners after appends (default true). */
  notify?: boolean;
}

/**
 * A place in the store's commit-safe order, (transaction id, global position): where a projection stands.
 * Every transaction below the oldest one still running has ended, so events read in this order up to that
 * fence can never be joined by one committed later below them (a global position alone can be).
 */
export interface StorePosition {
  /** xid8, as text: it can exceed a JavaScript number. */
  transactionId: string;
  position: number;
}

/** Before the first event. */
export const STORE_START: StorePosition = { transactionId: '0', position: 0 };

/** Anything that runs a query: the pool, or a client inside a transaction. */
export type Queryable = Pick<Pool | PoolClient, 'query'>;

/** A transaction the caller opened (a pg client in BEGIN, a TypeORM EntityManager adapted): plain SQL. */
export interface SqlTransaction {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/** The event store on Postgres (tables and append function from @coachflow/database's migrations). */
export class PostgresEventStore implements EventStore {
  private readonly schemas: EventSchemas;
  private readonly notifier: EventNotifier | undefined;
  private readonly appendListeners = new Set<() => void>();

  constructor(
    private readonly pool: Pool,
    options: PostgresEventStoreOptions = {},
  ) {
    this.schemas = options.schemas ?? new EventSchemas();
    this.notifier = options.notify === false ? undefined : new EventNotifier(pool);
  }

  /**
   * Calls `listener` after each append through `appendToStream` commits, in this process: a projection
   * daemon on this store wakes at once instead of on its NOTIFY's way through Postgres. Returns what stops it.
   */
  onAppended(listener: () => void): () => void {
    this.appendListeners.add(listener);
    return () => this.appendListeners.delete(listener);
  }

  /** The origin this store's NOTIFYs carry (`notificationOrigin`); undefined when it sends none. */
  get notificationOrigin(): string | undefined {
    return this.notifier?.origin;
  }

  async appendToStream(
    streamId: string,
    events: DomainEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    if (events.length === 0) throw emptyBatch();
    const expected = options.expectedVersion ?? 'any';
    for (let attempt = 1; ; attempt++) {
      try {
        const inserted = await this.insertBatch(streamId, events, expected);
        if (inserted) {
          this.notifier?.appended(inserted.lastPosition);
          for (const listener of this.appendListeners) listener();
          return {
            nextExpectedVersion: inserted.version,
            lastPosition: inserted.lastPosition,
            alreadyAppended: false,
            first: inserted.first,
          };
        }
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      // Nothing was written: the batch is already stored (a retry), or the stream is not where the writer
      // expected it. Which one, the stored ids tell.
      const { stored, version, first } = await this.probe(streamId, events);
      if (stored === events.length && first)
        return { nextExpectedVersion: version, lastPosition: null, alreadyAppended: true, first };
      if (stored > 0) throw partialDuplicateBatch(streamId);
      // With `any` a lost race for the next version is no conflict: take the version after the winner's.
      if (expected !== 'any' || attempt >= MAX_ANY_ATTEMPTS)
        throw wrongExpectedVersion(streamId, expected, version);
    }
  }

  /**
   * Appends inside the caller's transaction, so the events commit or roll back with its other writes (a
   * change and its audit facts together). A lost race for the next version under `any` is retried under a
   * savepoint, so it does not abort the caller's transaction. No NOTIFY: projections see these events at
   * their next poll.
   */
  async appendWithin(
    db: SqlTransaction,
    streamId: string,
    events: DomainEvent[],
    options: AppendOptions = {},
  ): Promise<void> {
    if (events.length === 0) throw emptyBatch();
    const expected = options.expectedVersion ?? 'any';
    for (let attempt = 1; ; attempt++) {
      await db.query('SAVEPOINT coachflow_append');
      try {
        const { text, values } = this.insertStatement(streamId, events, expected);
        const { rows } = await db.query(text, values);
        await db.query('RELEASE SAVEPOINT coachflow_append');
        if (rows[0]?.['version']) return;
        throw wrongExpectedVersion(streamId, expected, Number.NaN);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        await db.query('ROLLBACK TO SAVEPOINT coachflow_append');
        if (expected !== 'any' || attempt >= MAX_ANY_ATTEMPTS) throw partialDuplicateBatch(streamId);
      }
    }
  }

  /**
   * One INSERT, one round trip. Versions continue from the expected one (or the stream's last, for `any`),
   * and only when that version exists, so a stream can never get a gap; the unique indexes refuse a version
   * another writer took first and an event id already stored. Returns null when the expected version does
   * not exist.
   */
  private async insertBatch(
    streamId: string,
    events: DomainEvent[],
    expected: ExpectedVersion,
  ): Promise<{ version: number; lastPosition: number; first: AppendResult['first'] } | null> {
    // A named statement: Postgres parses and plans it once per connection, not on every append.
    const { rows } = await this.pool.query<{
      version: string | null;
      last_position: string | null;
      first_position: string | null;
      recorded_at: Date | null;
    }>({ name: 'coachflow_append', ...this.insertStatement(streamId, events, expected) });
    const row = rows[0];
    if (!row?.version || !row.last_position || !row.first_position || !row.recorded_at) return null;
    return {
      version: Number(row.version),
      lastPosition: Number(row.last_position),
      first: { position: Number(row.first_position), recordedAt: row.recorded_at },
    };
  }

  /** The append's INSERT: versions from the expected one on, only where that version exists. */
  private insertStatement(
    streamId: string,
    events: DomainEvent[],
    expected: ExpectedVersion,
  ): { text: string; values: unknown[] } {
    return {
      // base takes the transaction id before any row draws its position: a position must never exist
      // before its transaction is known to readers, or the fence could pass it (see readSince).
      text: `WITH base AS (
         SELECT pg_current_xact_id() AS xid,
                coalesce($2::bigint, (SELECT max(stream_version) FROM events WHERE stream_id = $1), 0) AS version
       ), inserted AS (
         INSERT INTO events (transaction_id, stream_id, stream_version, event_id, event_type, schema_version, data, metadata)
         SELECT base.xid, $1, base.version + e.n, e.id, e.type, e.schema_version, e.data, e.metadata
           FROM base, unnest($3::text[], $4::text[], $5::integer[], $6::jsonb[], $7::jsonb[])
                WITH ORDINALITY AS e(id, type, schema_version, data, metadata, n)
          WHERE base.version = 0
             OR EXISTS (SELECT 1 FROM events x WHERE x.stream_id = $1 AND x.stream_version = base.version)
         RETURNING stream_version, global_position, recorded_at
       )
       SELECT max(stream_version) AS version, max(global_position) AS last_position,
              (SELECT global_position FROM inserted ORDER BY stream_version LIMIT 1) AS first_position,
              max(recorded_at) AS recorded_at FROM inserted`,
      values: [
        streamId,
        expected === 'any' ? null : expected === 'no-stream' ? 0 : expected,
        events.map((event) => event.id),
        events.map((event) => event.type),
        events.map((event) => this.schemas.currentVersion(event.type)),
        events.map((event) => JSON.stringify(event.data)),
        events.map((event) => JSON.stringify(event.metadata ?? {})),
      ],
    };
  }

  /** How many of the batch's ids the stream holds, the stream's version, and where its first event is. */
  private async probe(
    streamId: string,
    events: DomainEvent[],
  ): Promise<{ stored: number; version: number; first: AppendResult['first'] | null }> {
    const { rows } = await this.pool.query<{
      stored: string;
      version: string | null;
      first_position: string | null;
      recorded_at: Date | null;
    }>(
      `SELECT (SELECT count(*) FROM events WHERE stream_id = $1 AND event_id = ANY($2)) AS stored,
              (SELECT max(stream_version) FROM events WHERE stream_id = $1) AS version,
              f.global_position AS first_position, f.recorded_at
         FROM (SELECT 1) one
         LEFT JOIN events f ON f.stream_id = $1 AND f.event_id = $3`,
      [streamId, events.map((event) => event.id), events[0]?.id],
    );
    const row = rows[0];
    return {
      stored: Number(row?.stored ?? 0),
      version: Number(row?.version ?? 0),
      first:
        row?.first_position && row.recorded_at
          ? { position: Number(row.first_position), recordedAt: row.recorded_at }
          : null,
    };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = $1 AND stream_version >= $2 ORDER BY stream_version`,
      [streamId, options.fromVersion ?? 1],
    );
    return rows.map((row) => this.toRecordedEvent(row));
  }

  readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.readAllWith(this.pool, options);
  }

  /** readAll on a given connection. Pages by global position: for projections, which tail, see readSince. */
  async readAllWith(db: Queryable, { after, limit }: ReadAllOptions): Promise<RecordedEvent[]> {
    const { rows } = await db.query<EventRow>(
      `SELECT ${COLUMNS} FROM events
        WHERE global_position > $1 AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY global_position LIMIT $2`,
      [after, limit],
    );
    return rows.map((row) => this.toRecordedEvent(row));
  }

  /**
   * Up to `limit` events after `after` in (transaction id, global position) order, fenced at the oldest
   * transaction still running (Emmett's scheme), the place of each (`places`) and of the last one (null when
   * none): a reader that moves on from there never skips an event committed later. `fenced` says whether
   * committed events wait behind the fence (a transaction that took its id before theirs is still running),
   * seen in the same snapshot, so a reader need not ask again to know it should look back soon.
   */
  async readSince(
    db: Queryable,
    after: StorePosition,
    limit: number,
  ): Promise<{
    events: RecordedEvent[];
    places: StorePosition[];
    last: StorePosition | null;
    fenced: boolean;
  }> {
    // One row with no event when nothing is readable, so `fenced` always comes back. The id as text under
    // another name: ORDER BY would otherwise sort by the text, not the xid8.
    // Columns of `EventRow` are null in the row without an event.
    const { rows } = await db.query<EventRow & { transaction_text: string | null; fenced: boolean }>(
      `SELECT e.*, f.fenced
         FROM (SELECT EXISTS (SELECT 1 FROM events
                               WHERE transaction_id >= pg_snapshot_xmin(pg_current_snapshot())) AS fenced) f
         LEFT JOIN LATERAL (
           SELECT ${COLUMNS}, transaction_id, transaction_id::text AS transaction_text FROM events
            WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
              AND (transaction_id, global_position) > ($1::xid8, $2::bigint)
            ORDER BY transaction_id, global_position LIMIT $3) e ON true
        ORDER BY e.transaction_id, e.global_position`,
      [after.transactionId, after.position, limit],
    );
    const found = rows.filter((row) => row.transaction_text !== null);
    const places = found.map((row) => ({
      transactionId: row.transaction_text ?? '',
      position: Number(row.global_position),
    }));
    return {
      events: found.map((row) => this.toRecordedEvent(row)),
      places,
      last: places.at(-1) ?? null,
      fenced: rows[0]?.fenced ?? false,
    };
  }

  /** Whether any event lies after `after` in readSince's order (committed, fenced or not). */
  async hasEventsAfter(after: StorePosition): Promise<boolean> {
    const { rows } = await this.pool.query<{ found: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM events WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint))
         AS found`,
      [after.transactionId, after.position],
    );
    return rows[0]?.found ?? false;
  }

  async aggregateStream<State>(
    streamId: string,
    evolve: (state: State, event: RecordedEvent) => State,
    initialState: () => State,
  ): Promise<AggregateResult<State>> {
    return aggregate(await this.readStream(streamId), evolve, initialState);
  }

  async streamVersions(streamIds: readonly string[]): Promise<Map<string, number>> {
    const { rows } = await this.pool.query<{ stream_id: string; version: string }>(
      `SELECT stream_id, max(stream_version) AS version FROM events WHERE stream_id = ANY($1::text[])
        GROUP BY stream_id`,
      [streamIds],
    );
    const versions = new Map(streamIds.map((streamId) => [streamId, 0]));
    for (const row of rows) versions.set(row.stream_id, Number(row.version));
    return versions;
  }

  /** Global position of the newest event (0 when empty), for lag figures. */
  async headPosition(): Promise<number> {
    const { rows } = await this.pool.query<{ head: string | null }>(
      'SELECT max(global_position) AS head FROM events',
    );
    return Number(rows[0]?.head ?? 0);
  }

  async close(): Promise<void> {
    await this.notifier?.close();
  }

  private toRecordedEvent(row: EventRow): RecordedEvent {
    return {
      id: row.event_id,
      type: row.event_type,
      data: this.schemas.toCurrent(row.event_type, row.schema_version, row.data),
      metadata: row.metadata,
      streamId: row.stream_id,
      streamVersion: Number(row.stream_version),
      globalPosition: Number(row.global_position),
      recordedAt: row.recorded_at,
    };
  }
}

/** 23505: a unique index refused the row (a version another writer took, or an event id already stored). */
function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === '23505';
}
