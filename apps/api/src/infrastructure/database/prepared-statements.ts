import type { Queryable } from '@coachflow/read-models';
import type { Pool, QueryResult } from 'pg';

/** Distinct statements one `preparedStatements` names at most; texts past it run unnamed, as before. */
const MAX_STATEMENTS = 64;

/**
 * A Queryable that runs each SQL text as a named prepared statement, so every pooled connection parses it
 * once instead of on each call: for the read-model queries every request runs (the inbox, a task). Postgres
 * still plans each call for its values when a generic plan would cost more (checked on the inbox page).
 * Only for fixed SQL texts: one built per call would prepare a statement per variant (hence the bound).
 */
export function preparedStatements(pool: Pool): Queryable {
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    let name = names.get(text);
    if (!name && names.size < MAX_STATEMENTS) names.set(text, (name = `read-model-${names.size + 1}`));
    return name;
  };
  const query = (text: string, values?: unknown[]): Promise<QueryResult> => {
    const name = nameOf(text);
    return name ? pool.query({ name, text, values }) : pool.query(text, values);
  };
  return { query } as Queryable;
}
