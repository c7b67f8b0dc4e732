import type { DomainEvent } from '@coachflow/domain';

/** The sides the append benchmark compares, ours first. */
export const APPEND_SIDES = ['coachflow', 'raw-pg', 'emmett'] as const;
export type AppendSide = (typeof APPEND_SIDES)[number];

/** An event as every side receives it: same ids, types and payloads, so only the store differs. */
export type BenchEvent = DomainEvent<string, Record<string, unknown>> & { metadata: Record<string, unknown> };

/** One way of storing events, opened with a pool of `writers` connections for one scenario. */
export interface AppendTarget {
  /**
   * Appends to one stream; each call expects the version the previous call left (optimistic concurrency
   * as production uses it), so a writer's calls must not overlap.
   */
  streamWriter(streamId: string): (events: BenchEvent[]) => Promise<void>;
  close(): Promise<void>;
}

export type OpenAppendTarget = (databaseUrl: string, poolSize: number) => Promise<AppendTarget>;
