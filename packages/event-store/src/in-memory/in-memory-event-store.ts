import type { DomainEvent } from '@coachflow/domain';
import { aggregate } from '../aggregate';
import type {
  AggregateResult,
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
} from '../event-store';
import { emptyBatch, partialDuplicateBatch } from '../event-store.errors';
import { EventSchemas } from '../event-schemas';
import { assertExpectedVersion } from '../expected-version';

interface StoredEvent {
  event: RecordedEvent;
  schemaVersion: number;
}

/**
 * The in-memory twin of PostgresEventStore, held to the same contract suite: for fast unit tests of
 * deciders, handlers and projections. Appends are atomic because JavaScript runs them without a pause.
 */
export class InMemoryEventStore implements EventStore {
  private readonly all: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();

  constructor(
    private readonly schemas = new EventSchemas(),
    private readonly now: () => Date = () => new Date(),
  ) {}

  async appendToStream(
    streamId: string,
    events: DomainEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    if (events.length === 0) throw emptyBatch();
    const stream = this.streams.get(streamId) ?? [];
    const current = stream.length;
    const stored = events.filter((event) => stream.some((s) => s.event.id === event.id)).length;
    if (stored === events.length)
      return {
        nextExpectedVersion: current,
        lastPosition: null,
        alreadyAppended: true,
        first: this.whereIs(stream, events[0]!.id),
      };
    if (stored > 0) {
      throw partialDuplicateBatch(streamId);
    }
    assertExpectedVersion(streamId, options.expectedVersion ?? 'any', current);
    const recordedAt = this.now();
    for (const event of events)
      this.store(streamId, event, this.schemas.currentVersion(event.type), recordedAt);
    return {
      nextExpectedVersion: current + events.length,
      lastPosition: this.all.length,
      alreadyAppended: false,
      first: { position: this.all.length - events.length + 1, recordedAt },
    };
  }

  private whereIs(stream: StoredEvent[], id: string): AppendResult['first'] {
    const { globalPosition, recordedAt } = stream.find((s) => s.event.id === id)!.event;
    return { position: globalPosition, recordedAt };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const from = options.fromVersion ?? 1;
    return (this.streams.get(streamId) ?? [])
      .filter((s) => s.event.streamVersion >= from)
      .map((s) => this.current(s));
  }

  async readAll({ after, limit }: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.all.slice(after, after + limit).map((s) => this.current(s));
  }

  async aggregateStream<State>(
    streamId: string,
    evolve: (state: State, event: RecordedEvent) => State,
    initialState: () => State,
  ): Promise<AggregateResult<State>> {
    return aggregate(await this.readStream(streamId), evolve, initialState);
  }

  /** Stores data as an older schema version wrote it, to test upcasting. */
  seedLegacyEvent(streamId: string, event: DomainEvent, schemaVersion: number): void {
    this.store(streamId, event, schemaVersion, this.now());
  }

  async streamVersions(streamIds: readonly string[]): Promise<Map<string, number>> {
    return new Map(streamIds.map((streamId) => [streamId, this.streams.get(streamId)?.length ?? 0]));
  }

  /** Appends one event to its stream and to the global log. */
  private store(streamId: string, event: DomainEvent, schemaVersion: number, recordedAt: Date): void {
    const stream = this.streams.get(streamId) ?? [];
    const record: StoredEvent = {
      schemaVersion,
      event: {
        id: event.id,
        type: event.type,
        data: structuredClone(event.data) as Record<string, unknown>,
        metadata: structuredClone(event.metadata ?? {}),
        streamId,
        streamVersion: stream.length + 1,
        globalPosition: this.all.length + 1,
        recordedAt,
      },
    };
    stream.push(record);
    this.all.push(record);
    this.streams.set(streamId, stream);
  }

  private current({ event, schemaVersion }: StoredEvent): RecordedEvent {
    return { ...event, data: this.schemas.toCurrent(event.type, schemaVersion, structuredClone(event.data)) };
  }
}
