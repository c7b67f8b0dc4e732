import { type ConfigurationEvent, type ConfigurationKind } from '@coachflow/domain';
import type { ProjectionDefinition, RecordedEvent } from '@coachflow/event-store';

export const CONFIGURATION_OBJECTS_TABLE = 'configuration_objects';

const STREAM = /^(rubric|form|playbook)-(.+)$/;

/**
 * One row per rubric, form and playbook with its latest version, for the lists admins browse. Eventually
 * consistent; reads of one object or version go to its stream instead.
 */
export const configurationObjectsProjection: ProjectionDefinition = {
  name: 'configuration-objects',
  tables: [
    {
      name: CONFIGURATION_OBJECTS_TABLE,
      create: (table) => [
        `CREATE TABLE ${table} (
          id uuid PRIMARY KEY,
          organisation_id uuid NOT NULL,
          kind text NOT NULL,
          name text NOT NULL,
          latest_version integer NOT NULL,
          status text NOT NULL,
          published_version integer,
          task_kind text,
          archived boolean NOT NULL DEFAULT false,
          created_by uuid NOT NULL,
          created_at timestamptz NOT NULL,
          updated_by uuid NOT NULL,
          updated_at timestamptz NOT NULL
        )`,
        `CREATE INDEX ON ${table} (organisation_id, kind, id)`,
      ],
    },
  ],
  eventTypes: [
    'ConfigurationDrafted',
    'ConfigurationChanged',
    'ConfigurationPublished',
    'ConfigurationArchived',
  ],
  async apply(events, { db, table }) {
    const objects = table(CONFIGURATION_OBJECTS_TABLE);
    for (const recorded of events) {
      const target = streamTarget(recorded);
      if (!target) continue;
      const event = recorded as unknown as ConfigurationEvent;
      switch (event.type) {
        case 'ConfigurationDrafted': {
          const { id, kind, organisationId, body, by, at } = event.data;
          await db.query(
            `INSERT INTO ${objects} (id, organisation_id, kind, name, latest_version, status, task_kind,
                                     created_by, created_at, updated_by, updated_at)
             VALUES ($1, $2, $3, $4, 1, 'draft', $5, $6, $7, $6, $7)
             ON CONFLICT (id) DO NOTHING`,
            [id, organisationId, kind, nameOf(body), taskKindOf(body), by, at],
          );
          break;
        }
        case 'ConfigurationChanged': {
          const { version, body, by, at } = event.data;
          await db.query(
            `UPDATE ${objects} SET name = $2, latest_version = $3, status = 'draft', task_kind = $4,
                    updated_by = $5, updated_at = $6
              WHERE id = $1`,
            [target.id, nameOf(body), version, taskKindOf(body), by, at],
          );
          break;
        }
        case 'ConfigurationPublished': {
          const { version, by, at } = event.data;
          await db.query(
            `UPDATE ${objects} SET status = 'published', published_version = $2, updated_by = $3, updated_at = $4
              WHERE id = $1 AND latest_version = $2`,
            [target.id, version, by, at],
          );
          break;
        }
        case 'ConfigurationArchived':
          await db.query(
            `UPDATE ${objects} SET archived = true, updated_by = $2, updated_at = $3 WHERE id = $1`,
            [target.id, event.data.by, event.data.at],
          );
          break;
      }
    }
  },
};

function streamTarget(event: RecordedEvent): { kind: ConfigurationKind; id: string } | undefined {
  const match = STREAM.exec(event.streamId);
  return match ? { kind: match[1] as ConfigurationKind, id: match[2]! } : undefined;
}

function nameOf(body: unknown): string {
  const name = (body as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : '';
}

function taskKindOf(body: unknown): string | null {
  const kind = (body as { taskKind?: unknown } | null)?.taskKind;
  return typeof kind === 'string' ? kind : null;
}
