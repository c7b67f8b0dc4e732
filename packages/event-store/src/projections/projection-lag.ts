import type { Pool } from 'pg';

export interface ProjectionLag {
  /** Events the projection has not applied yet. */
  behind: number;
  /** Age of the oldest event it has not applied, in seconds (0 when caught up). */
  seconds: number;
  /** Seconds since its checkpoint last moved. */
  idleSeconds: number;
}

/** How far each projection trails the head of the event store. */
export async function projectionLag(pool: Pool): Promise<Record<string, ProjectionLag>> {
  const { rows } = await pool.query<{
    name: string;
    behind: string;
    seconds: number | null;
    idle_seconds: number;
  }>(
    `SELECT c.name,
            -- Events not applied yet, in the order projections read (through its index).
            (SELECT count(*) FROM events e
              WHERE (e.transaction_id, e.global_position) > (c.transaction_id, c.position)) AS behind,
            -- The first event not applied, in the order projections read.
            (SELECT extract(epoch FROM now() - e.recorded_at) FROM events e
              WHERE (e.transaction_id, e.global_position) > (c.transaction_id, c.position)
              ORDER BY e.transaction_id, e.global_position LIMIT 1
            ) AS seconds,
            extract(epoch FROM now() - c.updated_at) AS idle_seconds
       FROM projection_checkpoints c ORDER BY c.name`,
  );
  return Object.fromEntries(
    rows.map((row) => [
      row.name,
      {
        behind: Number(row.behind),
        seconds: Math.max(0, Number(row.seconds ?? 0)),
        idleSeconds: Math.max(0, Number(row.idle_seconds)),
      },
    ]),
  );
}

/**
 * Why a projection is stalled, or null: it has left an event unapplied for longer than `limitSeconds`,
 * either stuck (its checkpoint has not moved for that long) or moving but falling further behind.
 */
export function projectionStall(name: string, lag: ProjectionLag, limitSeconds: number): string | null {
  if (lag.behind === 0 || lag.seconds <= limitSeconds) return null;
  const waiting = `${lag.behind} event${lag.behind === 1 ? '' : 's'} waiting, the oldest ${Math.round(lag.seconds)} s old`;
  return lag.idleSeconds > limitSeconds
    ? `projection ${name} is stuck: it has not moved for ${Math.round(lag.idleSeconds)} s (${waiting})`
    : `projection ${name} is falling behind: ${waiting}`;
}
