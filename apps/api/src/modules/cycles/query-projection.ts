import type { Pool, QueryResultRow } from 'pg';

const UNDEFINED_TABLE = '42P01';

/**
 * Reads a projection's table. The worker creates projection tables when it first starts, so until then an
 * API that is already up finds nothing there rather than failing: the answer is "nothing projected yet".
 */
export async function queryProjection<Row extends QueryResultRow>(
  pool: Pool,
  sql: string,
  params: unknown[],
): Promise<Row[]> {
  try {
    return (await pool.query<Row>(sql, params)).rows;
  } catch (error) {
    if ((error as { code?: unknown }).code === UNDEFINED_TABLE) return [];
    throw error;
  }
}
