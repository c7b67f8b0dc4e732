import type { Pool, QueryResultRow } from 'pg';

/** What a read needs of node-postgres: a pool or a client. */
export type Queryable = Pick<Pool, 'query'>;

/** Registers a bound value and returns its placeholder (`$3`). */
export type Placeholder = (value: string) => string;

const UNDEFINED_TABLE = '42P01';

/**
 * Reads a projection's table. The worker creates projection tables when it first starts, so until then an
 * API that is already up finds nothing there rather than failing: the answer is "nothing projected yet".
 */
export async function queryProjection<Row extends QueryResultRow>(
  db: Queryable,
  sql: string,
  params: unknown[],
): Promise<Row[]> {
  try {
    return (await db.query<Row>(sql, params)).rows;
  } catch (error) {
    if ((error as { code?: unknown }).code === UNDEFINED_TABLE) return [];
    throw error;
  }
}

/** A `Placeholder` that appends values to `params`, numbered after those already there. */
export function placeholdersFor(params: unknown[]): Placeholder {
  return (value) => {
    params.push(value);
    return `$${params.length}`;
  };
}
