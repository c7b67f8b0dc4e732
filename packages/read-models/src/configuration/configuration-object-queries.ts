import type { ConfigurationStatus, TaskKind } from '@coachflow/contracts';
import { type Queryable, queryProjection } from '../query-projection';
import { CONFIGURATION_OBJECTS_TABLE } from './configuration-objects.projection';

/** A rubric, form or playbook as admins browse them: its latest version and whether one is published. */
export interface ConfigurationObjectRow {
  id: string;
  name: string;
  latest_version: number;
  status: ConfigurationStatus;
  published_version: number | null;
  task_kind: TaskKind | null;
  archived: boolean;
  updated_by: string;
  updated_at: Date;
}

export interface ConfigurationObjectsQuery {
  organisationId: string;
  kind: 'rubric' | 'form' | 'playbook';
  status?: ConfigurationStatus;
  taskKind?: TaskKind;
  /** The last id of the previous page. */
  after?: string;
  limit: number;
}

/** One page of an organisation's objects of a kind (archived ones left out), by id. */
export function configurationObjectsPage(
  db: Queryable,
  query: ConfigurationObjectsQuery,
): Promise<ConfigurationObjectRow[]> {
  return queryProjection<ConfigurationObjectRow>(
    db,
    `SELECT id, name, latest_version, status, published_version, task_kind, archived, updated_by, updated_at
       FROM ${CONFIGURATION_OBJECTS_TABLE}
      WHERE organisation_id = $1 AND kind = $2 AND NOT archived
        AND ($3::text IS NULL OR status = $3) AND ($4::text IS NULL OR task_kind = $4)
        AND ($5::uuid IS NULL OR id > $5)
      ORDER BY id LIMIT $6`,
    [
      query.organisationId,
      query.kind,
      query.status ?? null,
      query.taskKind ?? null,
      query.after ?? null,
      query.limit,
    ],
  );
}
