import type { PoolClient } from 'pg';
import { asCycleEvent } from '../as-cycle-event';
import { cycleIdOfStream } from '../cycle-id-of-stream';
import type { WritingProjection } from '../live-updates/with-live-updates';
import { CYCLE_SUMMARY_EVENT_TYPES, type CycleSummary, evolveCycleSummary } from './cycle-summary';

export const CYCLE_SUMMARIES_TABLE = 'cycle_summaries';

const COLUMNS = `cycle_id AS "cycleId", organisation_id AS "organisationId", rep_id AS "repId",
  manager_id AS "managerId", playbook_id AS "playbookId", playbook_version AS "playbookVersion", phase, status,
  focus_areas AS "focusAreas", commitments, escalations, execution_concern AS "executionConcern",
  to_json(started_at)#>>'{}' AS "startedAt", to_json(ended_at)#>>'{}' AS "endedAt"`;

/** The summary columns as `CycleSummary` fields, for this package's queries. */
export const CYCLE_SUMMARY_COLUMNS = COLUMNS;

/**
 * One row per cycle, for lists and dashboards: who, which playbook, where it stands, what was agreed and
 * what escalated. Each batch loads the rows it touches once, folds the events in memory with the pure
 * `evolveCycleSummary` and writes each changed row once; it answers every row of the batch's cycles as
 * the batch left them (what its live updates announce, without reading them again).
 */
export const cycleSummariesProjection: WritingProjection<Map<string, CycleSummary>> = {
  name: 'cycle-summaries',
  tables: [
    {
      name: CYCLE_SUMMARIES_TABLE,
      create: (table) => [
        `CREATE TABLE ${table} (
          cycle_id uuid PRIMARY KEY,
          organisation_id uuid NOT NULL,
          rep_id uuid NOT NULL,
          manager_id uuid NOT NULL,
          playbook_id uuid NOT NULL,
          playbook_version integer NOT NULL,
          phase text NOT NULL,
          status text NOT NULL,
          focus_areas jsonb NOT NULL DEFAULT '[]',
          commitments jsonb NOT NULL DEFAULT '[]',
          escalations jsonb NOT NULL DEFAULT '[]',
          execution_concern jsonb,
          started_at timestamptz NOT NULL,
          ended_at timestamptz,
          updated_at timestamptz NOT NULL
        )`,
        `CREATE INDEX ON ${table} (organisation_id, rep_id)`,
        `CREATE INDEX ON ${table} (organisation_id, manager_id)`,
      ],
    },
  ],
  eventTypes: CYCLE_SUMMARY_EVENT_TYPES,
  async apply(events, { db, table }) {
    const name = table(CYCLE_SUMMARIES_TABLE);
    const ids = [...new Set(events.map((event) => cycleIdOfStream(event.streamId)).filter(isDefined))];
    const summaries = await load(db, name, ids);
    const changed = new Map<string, Date>();
    for (const event of events) {
      const cycleId = cycleIdOfStream(event.streamId);
      if (!cycleId) continue;
      const before = summaries.get(cycleId);
      const after = evolveCycleSummary(before, asCycleEvent(event));
      if (after && after !== before) {
        summaries.set(cycleId, after);
        changed.set(cycleId, event.recordedAt);
      }
    }
    for (const [cycleId, updatedAt] of changed) {
      const summary = summaries.get(cycleId);
      if (summary) await save(db, name, summary, updatedAt);
    }
    return summaries;
  },
};

async function load(db: PoolClient, table: string, ids: string[]): Promise<Map<string, CycleSummary>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<CycleSummary>(
    `SELECT ${COLUMNS} FROM ${table} WHERE cycle_id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((row) => [row.cycleId, row]));
}

async function save(db: PoolClient, table: string, summary: CycleSummary, updatedAt: Date): Promise<void> {
  await db.query(
    `INSERT INTO ${table} (cycle_id, organisation_id, rep_id, manager_id, playbook_id, playbook_version, phase,
       status, focus_areas, commitments, escalations, execution_concern, started_at, ended_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     ON CONFLICT (cycle_id) DO UPDATE SET manager_id = EXCLUDED.manager_id, phase = EXCLUDED.phase,
       status = EXCLUDED.status, focus_areas = EXCLUDED.focus_areas, commitments = EXCLUDED.commitments,
       escalations = EXCLUDED.escalations, execution_concern = EXCLUDED.execution_concern,
       ended_at = EXCLUDED.ended_at, updated_at = EXCLUDED.updated_at`,
    [
      summary.cycleId,
      summary.organisationId,
      summary.repId,
      summary.managerId,
      summary.playbookId,
      summary.playbookVersion,
      summary.phase,
      summary.status,
      JSON.stringify(summary.focusAreas),
      JSON.stringify(summary.commitments),
      JSON.stringify(summary.escalations),
      summary.executionConcern ? JSON.stringify(summary.executionConcern) : null,
      summary.startedAt,
      summary.endedAt,
      updatedAt,
    ],
  );
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
