import type { PoolClient } from 'pg';
import { LIVE_UPDATES_CHANNEL, LIVE_UPDATES_TABLE, type LiveUpdate, type LiveUpdateRow } from './live-update';

// Postgres refuses NOTIFY payloads of 8000 bytes or more.
const MAX_PAYLOAD_BYTES = 7000;

/**
 * Stores each update once per person it concerns and announces the new rows with NOTIFY, in the
 * projection's transaction and in one statement: Postgres delivers a NOTIFY only when that transaction
 * commits, so a listener hears of a change only once the read model shows it. Rows already stored (a batch
 * replayed by a rebuild) are not announced again. Each row's message is written here and the rows are cut
 * into payloads under the size limit (`payloadNumbers`); the statement sends, payload by payload, the
 * messages of the rows it stored.
 */
export async function publishLiveUpdates(db: PoolClient, updates: readonly LiveUpdate[]): Promise<void> {
  const rows: LiveUpdateRow[] = updates.flatMap((update) =>
    [...new Set(update.userIds)].map((userId) => ({
      userId,
      organisationId: update.organisationId,
      position: update.position,
      kind: update.kind,
      data: update.data,
    })),
  );
  if (rows.length === 0) return;
  const messages = rows.map((row) => JSON.stringify(row));
  await db.query(
    `WITH candidate AS (
       SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::uuid[], $5::jsonb[], $6::text[], $7::integer[])
              WITH ORDINALITY AS c(user_id, position, kind, organisation_id, data, message, payload, n)
     ), stored AS (
       INSERT INTO ${LIVE_UPDATES_TABLE} (user_id, position, kind, organisation_id, data)
       SELECT user_id, position, kind, organisation_id, data FROM candidate
       ON CONFLICT DO NOTHING
       RETURNING user_id, position, kind
     )
     SELECT pg_notify($8, messages) FROM (
       SELECT c.payload, '[' || string_agg(c.message, ',' ORDER BY c.n) || ']' AS messages
         FROM candidate c JOIN stored s USING (user_id, position, kind)
        GROUP BY c.payload ORDER BY c.payload
     ) payloads`,
    [
      rows.map((row) => row.userId),
      rows.map((row) => row.position),
      rows.map((row) => row.kind),
      rows.map((row) => row.organisationId),
      rows.map((row) => JSON.stringify(row.data)),
      messages,
      payloadNumbers(messages),
      LIVE_UPDATES_CHANNEL,
    ],
  );
}

/**
 * Which NOTIFY payload each message goes in: consecutive messages, each payload a JSON array under
 * Postgres's size limit (a message alone always fits). Any subset of a payload's messages fits too.
 */
export function payloadNumbers(messages: readonly string[]): number[] {
  const numbers: number[] = [];
  let payload = 0;
  let size = 2;
  for (const message of messages) {
    const bytes = Buffer.byteLength(message) + 1;
    if (size > 2 && size + bytes > MAX_PAYLOAD_BYTES) {
      payload += 1;
      size = 2;
    }
    numbers.push(payload);
    size += bytes;
  }
  return numbers;
}
