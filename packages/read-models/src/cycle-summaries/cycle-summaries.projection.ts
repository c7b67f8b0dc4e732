import type { CycleStartedData } from '@coachflow/domain';
import type { ProjectionDefinition } from '@coachflow/event-store';

export const CYCLE_SUMMARIES_TABLE = 'cycle_summaries';

/** One row per cycle, for lists and dashboards: who, which playbook, where it stands. */
export const cycleSummariesProjection: ProjectionDefinition = {
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
          started_at timestamptz NOT NULL,
          updated_at timestamptz NOT NULL
        )`,
        `CREATE INDEX ON ${table} (organisation_id, rep_id)`,
        `CREATE INDEX ON ${table} (organisation_id, manager_id)`,
      ],
    },
  ],
  eventTypes: ['CycleStarted'],
  async apply(events, { db, table }) {
    for (const event of events) {
      const data = event.data as unknown as CycleStartedData;
      await db.query(
        `INSERT INTO ${table(CYCLE_SUMMARIES_TABLE)}
           (cycle_id, organisation_id, rep_id, manager_id, playbook_id, playbook_version, phase, status, started_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'prioritise', 'running', $7, $8)
         ON CONFLICT (cycle_id) DO NOTHING`,
        [
          data.cycleId,
          data.organisationId,
          data.repId,
          data.managerId,
          data.playbook.id,
          data.playbook.version,
          data.startedAt,
          event.recordedAt,
        ],
      );
    }
  },
};
