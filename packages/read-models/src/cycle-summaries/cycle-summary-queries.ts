import { type Placeholder, placeholdersFor, type Queryable, queryProjection } from '../query-projection';
import { CYCLE_SUMMARIES_TABLE, CYCLE_SUMMARY_COLUMNS } from './cycle-summaries.projection';
import type { CycleSummary } from './cycle-summary';

/** The cycle's summary as far as projected, or undefined. */
export async function cycleSummary(db: Queryable, cycleId: string): Promise<CycleSummary | undefined> {
  const rows = await queryProjection<CycleSummary>(
    db,
    `SELECT ${CYCLE_SUMMARY_COLUMNS} FROM ${CYCLE_SUMMARIES_TABLE} WHERE cycle_id = $1`,
    [cycleId],
  );
  return rows[0];
}

export interface CycleSummariesQuery {
  organisationId: string;
  repId?: string;
  status?: string;
  /** The last cycle id of the previous page. */
  after?: string;
  limit: number;
  /**
   * Which cycles the reader may see, as an SQL condition on the summary's rep and manager columns (named
   * here, so the condition never guesses them); values go through `bind`.
   */
  visible: (columns: { repId: string; managerId: string }, bind: Placeholder) => string;
}

/** One page of an organisation's cycle summaries, by cycle id. */
export function cycleSummariesPage(db: Queryable, query: CycleSummariesQuery): Promise<CycleSummary[]> {
  const params: unknown[] = [
    query.organisationId,
    query.repId ?? null,
    query.status ?? null,
    query.after ?? null,
    query.limit,
  ];
  const visible = query.visible({ repId: 'rep_id', managerId: 'manager_id' }, placeholdersFor(params));
  return queryProjection<CycleSummary>(
    db,
    `SELECT ${CYCLE_SUMMARY_COLUMNS}
       FROM ${CYCLE_SUMMARIES_TABLE}
      WHERE organisation_id = $1 AND ($2::uuid IS NULL OR rep_id = $2) AND ($3::text IS NULL OR status = $3)
        AND ($4::uuid IS NULL OR cycle_id > $4) AND ${visible}
      ORDER BY cycle_id LIMIT $5`,
    params,
  );
}
