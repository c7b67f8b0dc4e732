import type { ConfigurationEvent, ConfigurationKind } from './configuration-events';
import {
  type ConfigurationState,
  evolveConfiguration,
  initialConfigurationState,
} from './configuration.decider';

/** One version of a configuration object with its audit trail. */
export interface ConfigurationVersionRecord {
  version: number;
  status: 'draft' | 'published';
  body: unknown;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  publishedBy?: string;
  publishedAt?: string;
}

/**
 * A configuration object as readers need it: the decider's state (to decide the next command) plus what
 * the decider does not keep: whose it is, what kind, and who did what when to each version.
 */
export interface ConfigurationRecord {
  state: ConfigurationState;
  id: string;
  kind: ConfigurationKind | undefined;
  organisationId: string | undefined;
  versions: ConfigurationVersionRecord[];
}

export const initialConfigurationRecord = (): ConfigurationRecord => ({
  state: initialConfigurationState(),
  id: '',
  kind: undefined,
  organisationId: undefined,
  versions: [],
});

/** Folds one event into the record (for the event store's aggregateStream). */
export function evolveConfigurationRecord(
  record: ConfigurationRecord,
  event: ConfigurationEvent,
): ConfigurationRecord {
  const state = evolveConfiguration(record.state, event);
  switch (event.type) {
    case 'ConfigurationDrafted': {
      const { id, kind, organisationId, body, by, at } = event.data;
      const first = {
        version: 1,
        status: 'draft' as const,
        body,
        createdBy: by,
        createdAt: at,
        updatedBy: by,
        updatedAt: at,
      };
      return { state, id, kind, organisationId, versions: [first] };
    }
    case 'ConfigurationChanged': {
      const { version, body, by, at } = event.data;
      const previous = record.versions[version - 1];
      const opened = previous
        ? { createdBy: previous.createdBy, createdAt: previous.createdAt }
        : { createdBy: by, createdAt: at };
      const changed = { version, status: 'draft' as const, body, ...opened, updatedBy: by, updatedAt: at };
      return { ...record, state, versions: [...record.versions.slice(0, version - 1), changed] };
    }
    case 'ConfigurationPublished': {
      const { version, by, at } = event.data;
      return {
        ...record,
        state,
        versions: record.versions.map((v) =>
          v.version === version ? { ...v, status: 'published', publishedBy: by, publishedAt: at } : v,
        ),
      };
    }
    case 'ConfigurationArchived':
      return { ...record, state };
  }
}

/** The newest published version, if any: what new cycles pin. */
export function latestPublishedVersion(record: ConfigurationRecord): ConfigurationVersionRecord | undefined {
  return record.versions.findLast((version) => version.status === 'published');
}
