import { LIVE_UPDATE_KINDS, type LiveUpdateData, type LiveUpdateKind } from '@coachflow/contracts';

/** The channel API processes LISTEN on; each payload is a JSON array of `LiveUpdateRow`s. */
export const LIVE_UPDATES_CHANNEL = 'coachflow_live';

/** Recent messages per user, kept so a reconnecting stream resumes from its Last-Event-ID. */
export const LIVE_UPDATES_TABLE = 'live_updates';

/** How long messages stay resumable; events older than this (a rebuild's replay) are not announced. */
export const LIVE_UPDATES_RETENTION_MS = 24 * 60 * 60 * 1000;

/** One event that changed something one or more people of an organisation see. */
export interface LiveUpdate {
  /** The event's global position: the message id a stream resumes after. */
  position: number;
  kind: LiveUpdateKind;
  organisationId: string;
  userIds: readonly string[];
  data: LiveUpdateData;
}

/** One message for one user: a row of the live-updates table and an element of a NOTIFY payload. */
export interface LiveUpdateRow {
  userId: string;
  organisationId: string;
  position: number;
  kind: LiveUpdateKind;
  data: LiveUpdateData;
}

/** Reads a NOTIFY payload; anything that is not a well-formed array of rows yields no rows. */
export function parseLiveUpdatePayload(payload: string | undefined): LiveUpdateRow[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload ?? '');
  } catch {
    return [];
  }
  return Array.isArray(parsed) ? parsed.filter(isLiveUpdateRow) : [];
}

function isLiveUpdateRow(value: unknown): value is LiveUpdateRow {
  if (typeof value !== 'object' || value === null) return false;
  const row = value as Record<string, unknown>;
  return (
    typeof row['userId'] === 'string' &&
    typeof row['organisationId'] === 'string' &&
    typeof row['position'] === 'number' &&
    (LIVE_UPDATE_KINDS as readonly unknown[]).includes(row['kind']) &&
    typeof row['data'] === 'object' &&
    row['data'] !== null &&
    typeof (row['data'] as Record<string, unknown>)['type'] === 'string'
  );
}
