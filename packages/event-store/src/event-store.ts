import type { DomainEvent } from '@coachflow/domain';

/**
 * What an append expects the stream to be at: an exact version, `no-stream` for a stream that must not
 * exist yet, or `any` to skip the check.
 */
export type ExpectedVersion = number | 'no-stream' | 'any';

export interface AppendOptions {
  expectedVersion?: ExpectedVersion;
}

export interface AppendResult {
  /** The stream's version after the append: pass it as `expectedVersion` next time. */
  nextExpectedVersion: number;
  /** Global position of the last event appended, or null when the batch was already stored. */
  lastPosition: number | null;
  /** True when every event id was already in the stream and nothing was written. */
  alreadyAppended: boolean;
  /** Where and when the batch's first event is stored (by this append or, for a retry, the one before). */
  first: { position: number; recordedAt: Date };
}

/** An event as stored, upcast to its type's current shape, plus where and when it landed. */
export interface RecordedEvent<E extends DomainEvent = DomainEvent<string, Record<string, unknown>>> {
  id: E['id'];
  type: E['type'];
  data: E['data'];
  metadata: Record<string, unknown>;
  streamId: string;
  streamVersion: number;
  globalPosition: number;
  recordedAt: Date;
}

export interface ReadStreamOptions {
  fromVersion?: number;
}

export interface ReadAllOptions {
  /** Global position already seen; 0 for the start. */
  after: number;
  limit: number;
}

export interface AggregateResult<State> {
  state: State;
  /** The stream version the state reflects (0 for a stream with no events). */
  version: number;
}

/** An append-only store of event streams (one per cycle, one per configuration object). */
export interface EventStore {
  appendToStream(streamId: string, events: DomainEvent[], options?: AppendOptions): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /**
   * Events of every stream in global order after `after`. Never skips: an event that a transaction still in
   * flight will commit with a lower position is waited for, not passed over.
   */
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  aggregateStream<State>(
    streamId: string,
    evolve: (state: State, event: RecordedEvent) => State,
    initialState: () => State,
  ): Promise<AggregateResult<State>>;
  /** Each stream's version now (0 for a stream with no events), in one read: is a cached fold still current? */
  streamVersions(streamIds: readonly string[]): Promise<Map<string, number>>;
}
