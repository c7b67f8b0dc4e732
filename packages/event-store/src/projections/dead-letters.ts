import type { RecordedEvent } from '../event-store';
import type { Queryable } from '../postgres/postgres-event-store';
import type { ProjectionContext, ProjectionDefinition } from './projection';

/** An event a projection could not apply, with why. */
export interface DeadLetter {
  projection: string;
  globalPosition: number;
  eventId: string;
  streamId: string;
  type: string;
  error: string;
  parkedAt: string;
}

/** Hands an event a projection cannot apply to its dead letters. */
export type ParkEvent = (event: RecordedEvent, error: unknown) => Promise<void>;

// SQLSTATE classes of failures that say nothing about the event: the connection, a deadlock or
// serialization conflict, resources, an operator or a timeout, the server itself. Such a batch is retried.
const TRANSIENT_SQLSTATE = /^(08|40|53|57|58|XX)/;

export function isTransient(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  // Node's socket errors (ECONNRESET) carry codes too, never five-character SQLSTATEs.
  return code.length !== 5 || TRANSIENT_SQLSTATE.test(code);
}

/**
 * Applies `events` within the caller's transaction. When the batch fails for a reason that is not transient,
 * it applies them again one at a time, each under a savepoint, and parks each event that fails on its own:
 * one poison event costs one dead letter, never a projection stuck on its batch for every tenant. That the
 * savepoint rolls back proves the connection sound, so the failure was the event's; a transient failure or
 * a lost connection rethrows and the whole batch is tried again later.
 */
export async function applyOrPark(
  projection: ProjectionDefinition,
  events: RecordedEvent[],
  context: ProjectionContext,
  park: ParkEvent,
): Promise<void> {
  if (events.length === 0) return;
  const { db } = context;
  const attempt = async (batch: RecordedEvent[], savepoint: string): Promise<unknown> => {
    await db.query(`SAVEPOINT ${savepoint}`);
    try {
      await projection.apply(batch, context);
      await db.query(`RELEASE SAVEPOINT ${savepoint}`);
      return undefined;
    } catch (error) {
      await db.query(`ROLLBACK TO SAVEPOINT ${savepoint}`);
      if (isTransient(error)) throw error;
      return error ?? new Error('failed');
    }
  };
  if ((await attempt(events, 'projection_batch')) === undefined) return;
  for (const event of events) {
    const error = await attempt([event], 'projection_event');
    if (error !== undefined) await park(event, error);
  }
}

/** Parks events of `projection` in its dead letters (replacing an earlier parking of the same event). */
export function parkInto(db: Queryable, projection: string): ParkEvent {
  return async (event, error) => {
    await db.query(
      `INSERT INTO projection_dead_letters (projection, global_position, event_id, stream_id, event_type, error)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (projection, global_position)
       DO UPDATE SET error = EXCLUDED.error, parked_at = now()`,
      [projection, event.globalPosition, event.id, event.streamId, event.type, describe(error)],
    );
  };
}

/** Forgets every dead letter of `projection`: a rebuild has replayed them (and parked again what still fails). */
export async function clearDeadLetters(db: Queryable, projection: string): Promise<void> {
  await db.query('DELETE FROM projection_dead_letters WHERE projection = $1', [projection]);
}

/** Every parked event, oldest first. */
export async function deadLetters(db: Queryable): Promise<DeadLetter[]> {
  const { rows } = await db.query<{
    projection: string;
    global_position: string;
    event_id: string;
    stream_id: string;
    event_type: string;
    error: string;
    parked_at: Date;
  }>(
    `SELECT projection, global_position, event_id, stream_id, event_type, error, parked_at
       FROM projection_dead_letters ORDER BY parked_at, projection, global_position`,
  );
  return rows.map((row) => ({
    projection: row.projection,
    globalPosition: Number(row.global_position),
    eventId: row.event_id,
    streamId: row.stream_id,
    type: row.event_type,
    error: row.error,
    parkedAt: row.parked_at.toISOString(),
  }));
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? `${message} (SQLSTATE ${code})` : message;
}
