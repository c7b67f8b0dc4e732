import { RequestValidationException } from './app.exception';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

// Cursors are the ids of rows: anything but a uuid would only make Postgres fail (a 500).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface PageQuery {
  limit: number;
  /** The last id of the previous page, or undefined for the first page. */
  after: string | undefined;
}

/** Reads `?limit=&cursor=` the way every list endpoint takes them. */
export function parsePageQuery(query: { limit?: string; cursor?: string }): PageQuery {
  const limit = query.limit === undefined ? DEFAULT_PAGE_SIZE : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new RequestValidationException([
      { path: '/limit', message: `must be a whole number from 1 to ${MAX_PAGE_SIZE}` },
    ]);
  }
  if (query.cursor === undefined) return { limit, after: undefined };
  const after = Buffer.from(query.cursor, 'base64url').toString('utf8');
  if (!UUID.test(after))
    throw new RequestValidationException([{ path: '/cursor', message: 'is not a cursor this API gave out' }]);
  return { limit, after };
}

/** The cursor that continues after `lastId`, or null when the page was not full (the last one). */
export function nextCursor(items: { id: string }[], limit: number): string | null {
  const last = items[items.length - 1];
  return items.length === limit && last ? Buffer.from(last.id, 'utf8').toString('base64url') : null;
}
