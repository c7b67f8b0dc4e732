import type { PoolClient } from 'pg';
import { LIVE_UPDATES_CHANNEL, LIVE_UPDATES_TABLE, type LiveUpdate, type LiveUpdateRow } from './live-update';

// Postgres refuses NOTIFY payloads of 8000 bytes or more.
const MAX_PAYLOAD_BYTES = 7000;

/**
 * Stores each update once per person it concerns and announces the new rows with NOTIFY, in the
 * projection's transaction: Postgres delivers a NOTIFY only when that transaction commits, so a listener
 * hears of a change only once the read model shows it. Rows already stored (a batch replayed by a rebuild)
 * are not announced again.
 */
export async function publishLiveUpdates(db: PoolClient, updates: readonly LiveUpdate[]): Promise<void> {
  const rows = updates.flatMap((update) =>
    [...new Set(update.userIds)].map((userId) => ({ ...update, userId })),
  );
  if (rows.length === 0) return;
  const { rows: stored } = await db.query<LiveUpdateRow & { position: string }>(
    `INSERT INTO ${LIVE_UPDATES_TABLE} (user_id, position, kind, organisation_id, data)
     SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::uuid[], $5::jsonb[])
     ON CONFLICT DO NOTHING
     RETURNING user_id AS "userId", position, kind, organisation_id AS "organisationId", data`,
    [
      rows.map((row) => row.userId),
      rows.map((row) => row.position),
      rows.map((row) => row.kind),
      rows.map((row) => row.organisationId),
      rows.map((row) => JSON.stringify(row.data)),
    ],
  );
  for (const payload of liveUpdatePayloads(stored.map((row) => ({ ...row, position: Number(row.position) }))))
    await db.query('SELECT pg_notify($1, $2)', [LIVE_UPDATES_CHANNEL, payload]);
}

/** The rows as JSON arrays, each under Postgres's NOTIFY size limit (a row alone always fits). */
export function liveUpdatePayloads(rows: readonly LiveUpdateRow[]): string[] {
  const chunks: string[] = [];
  let current: string[] = [];
  let size = 2;
  for (const row of rows) {
    const json = JSON.stringify(row);
    const bytes = Buffer.byteLength(json) + 1;
    if (current.length > 0 && size + bytes > MAX_PAYLOAD_BYTES) {
      chunks.push(`[${current.join(',')}]`);
      current = [];
      size = 2;
    }
    current.push(json);
    size += bytes;
  }
  if (current.length > 0) chunks.push(`[${current.join(',')}]`);
  return chunks;
}
