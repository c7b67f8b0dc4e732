import type { PoolClient } from 'pg';
import type { RecordedEvent } from '../event-store';

/** A read-model table a projection owns. `create` returns the DDL for the physical table name it is given. */
export interface ProjectionTable {
  name: string;
  create(table: string): string[];
}

/** What `apply` writes with: the projection's transaction, and the physical name of each of its tables. */
export interface ProjectionContext {
  db: PoolClient;
  /** Live tables normally; fresh copies during a rebuild. Always use it instead of a literal name. */
  table(name: string): string;
}

/** A named read model built from the event store. */
export interface ProjectionDefinition {
  name: string;
  tables: ProjectionTable[];
  /** Event types it reads; others only move its checkpoint. All when absent. */
  eventTypes?: readonly string[];
  /**
   * Applies a batch in global order; runs in the same transaction that moves the checkpoint. What it
   * answers is the projection's own (the read models' answer the rows they wrote, for their live updates).
   */
  apply(events: RecordedEvent[], context: ProjectionContext): Promise<unknown>;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Table names go into DDL and SQL text: only plain lower-case identifiers are allowed. */
export function assertTableName(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`"${name}" is not a plain table name`);
  return name;
}

export function relevantEvents(projection: ProjectionDefinition, events: RecordedEvent[]): RecordedEvent[] {
  const types = projection.eventTypes;
  return types ? events.filter((event) => types.includes(event.type)) : events;
}
