import type { Pool } from 'pg';

export interface ProjectionLag {
  /** Global positions between the projection's checkpoint and the newest event. */
  behind: number;
  /** Age of the oldest event it has not applied, in seconds (0 when caught up). */
  seconds: number;
}

/** How far each projection trails the head of the event store. */
export async function projectionLag(pool: Pool): Promise<Record<string, ProjectionLag>> {
  const { rows } = await pool.query<{ name: string; behind: string; seconds: number | null }>(
    `SELECT c.name,
            -- Positions behind the head: O(1) from the primary key, unlike counting the rows.
            greatest((SELECT max(global_position) FROM events) - c.position, 0) AS behind,
            (SELECT extract(epoch FROM now() - min(e.recorded_at)) FROM events e
              WHERE e.global_position = (SELECT min(global_position) FROM events WHERE global_position > c.position)
            ) AS seconds
       FROM projection_checkpoints c ORDER BY c.name`,
  );
  return Object.fromEntries(
    rows.map((row) => [
      row.name,
      { behind: Number(row.behind), seconds: Math.max(0, Number(row.seconds ?? 0)) },
    ]),
  );
}
