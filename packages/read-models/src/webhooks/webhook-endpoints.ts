import type { Queryable } from '../query-projection';

export const WEBHOOK_ENDPOINTS_TABLE = 'webhook_endpoints';

export interface WebhookEndpointRow {
  id: string;
  organisationId: string;
  url: string;
  eventTypes: string[];
  format: 'standard' | 'slack';
  secretEncrypted: string;
  createdBy: string;
  createdAt: Date;
  disabledAt: Date | null;
  disabledReason: string | null;
}

const COLUMNS = `id, organisation_id AS "organisationId", url, event_types AS "eventTypes", format,
  secret_encrypted AS "secretEncrypted", created_by AS "createdBy", created_at AS "createdAt",
  disabled_at AS "disabledAt", disabled_reason AS "disabledReason"`;

export async function insertWebhookEndpoint(
  db: Queryable,
  endpoint: Pick<
    WebhookEndpointRow,
    'id' | 'organisationId' | 'url' | 'eventTypes' | 'format' | 'secretEncrypted' | 'createdBy'
  >,
): Promise<WebhookEndpointRow> {
  const { rows } = await db.query<WebhookEndpointRow>(
    `INSERT INTO ${WEBHOOK_ENDPOINTS_TABLE} (id, organisation_id, url, event_types, format, secret_encrypted, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
    [
      endpoint.id,
      endpoint.organisationId,
      endpoint.url,
      endpoint.eventTypes,
      endpoint.format,
      endpoint.secretEncrypted,
      endpoint.createdBy,
    ],
  );
  return rows[0]!;
}

/** An organisation's endpoints, newest first. */
export async function webhookEndpointsOf(
  db: Queryable,
  organisationId: string,
): Promise<WebhookEndpointRow[]> {
  const { rows } = await db.query<WebhookEndpointRow>(
    `SELECT ${COLUMNS} FROM ${WEBHOOK_ENDPOINTS_TABLE} WHERE organisation_id = $1 ORDER BY created_at DESC, id DESC`,
    [organisationId],
  );
  return rows;
}

/** One endpoint of the organisation (nobody finds another organisation's). */
export async function findWebhookEndpoint(
  db: Queryable,
  organisationId: string,
  id: string,
): Promise<WebhookEndpointRow | undefined> {
  const { rows } = await db.query<WebhookEndpointRow>(
    `SELECT ${COLUMNS} FROM ${WEBHOOK_ENDPOINTS_TABLE} WHERE id = $1 AND organisation_id = $2`,
    [id, organisationId],
  );
  return rows[0];
}

/** An endpoint by id, whatever its organisation (the sender's read). */
export async function webhookEndpointById(
  db: Queryable,
  id: string,
): Promise<WebhookEndpointRow | undefined> {
  return (await webhookEndpointsByIds(db, [id])).get(id);
}

/** Endpoints by id, whatever their organisation, in one query (the sender reads a batch's at once). */
export async function webhookEndpointsByIds(
  db: Queryable,
  ids: readonly string[],
): Promise<Map<string, WebhookEndpointRow>> {
  const { rows } = await db.query<WebhookEndpointRow>(
    `SELECT ${COLUMNS} FROM ${WEBHOOK_ENDPOINTS_TABLE} WHERE id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/** The live endpoints an event reaches: subscribed to its type and registered before it was recorded. */
export async function endpointsSubscribedTo(
  db: Queryable,
  organisationId: string,
  eventType: string,
  recordedAt: Date,
): Promise<Pick<WebhookEndpointRow, 'id' | 'format'>[]> {
  const { rows } = await db.query<Pick<WebhookEndpointRow, 'id' | 'format'>>(
    `SELECT id, format FROM ${WEBHOOK_ENDPOINTS_TABLE}
     WHERE organisation_id = $1 AND $2 = ANY (event_types) AND created_at <= $3 AND disabled_at IS NULL
     ORDER BY id`,
    [organisationId, eventType, recordedAt],
  );
  return rows;
}

/** Disables an endpoint (once); answers whether this call did it. */
export async function disableWebhookEndpoint(db: Queryable, id: string, reason: string): Promise<boolean> {
  const result = await db.query(
    `UPDATE ${WEBHOOK_ENDPOINTS_TABLE} SET disabled_at = now(), disabled_reason = $2
     WHERE id = $1 AND disabled_at IS NULL`,
    [id, reason],
  );
  return (result.rowCount ?? 0) > 0;
}

/** Deletes an endpoint of the organisation; answers the deleted row, or undefined when there was none. */
export async function deleteWebhookEndpoint(
  db: Queryable,
  organisationId: string,
  id: string,
): Promise<WebhookEndpointRow | undefined> {
  const { rows } = await db.query<WebhookEndpointRow>(
    `DELETE FROM ${WEBHOOK_ENDPOINTS_TABLE} WHERE id = $1 AND organisation_id = $2 RETURNING ${COLUMNS}`,
    [id, organisationId],
  );
  return rows[0];
}

/**
 * Enables an endpoint of the organisation again (a disabled one starts afresh: no disabled time, no
 * reason); answers it, or undefined when there is none.
 */
export async function enableWebhookEndpoint(
  db: Queryable,
  organisationId: string,
  id: string,
): Promise<WebhookEndpointRow | undefined> {
  const { rows } = await db.query<WebhookEndpointRow>(
    `UPDATE ${WEBHOOK_ENDPOINTS_TABLE} SET disabled_at = NULL, disabled_reason = NULL
     WHERE id = $1 AND organisation_id = $2 RETURNING ${COLUMNS}`,
    [id, organisationId],
  );
  return rows[0];
}
