import type { Queryable } from '../query-projection';
import { LIVE_UPDATES_RETENTION_MS, LIVE_UPDATES_TABLE, type LiveUpdateRow } from './live-update';

export interface LiveUpdatesQuery {
  userId: string;
  organisationId: string;
  /** The position the reader resumes after (its Last-Event-ID). */
  after: number;
  limit: number;
}

/** The user's messages after a position, oldest first: what a resuming stream missed. */
export async function liveUpdatesAfter(db: Queryable, query: LiveUpdatesQuery): Promise<LiveUpdateRow[]> {
  const { rows } = await db.query<LiveUpdateRow & { position: string }>(
    `SELECT user_id AS "userId", organisation_id AS "organisationId", position, kind, data
       FROM ${LIVE_UPDATES_TABLE}
      WHERE user_id = $1 AND organisation_id = $2 AND position > $3
      ORDER BY position, kind LIMIT $4`,
    [query.userId, query.organisationId, query.after, query.limit],
  );
  return rows.map((row) => ({ ...row, position: Number(row.position) }));
}

/** Deletes messages older than the retention; streams cannot resume that far back. */
export async function pruneLiveUpdates(db: Queryable): Promise<void> {
  await db.query(`DELETE FROM ${LIVE_UPDATES_TABLE} WHERE created_at < now() - $1::interval`, [
    `${LIVE_UPDATES_RETENTION_MS / 1000} seconds`,
  ]);
}
