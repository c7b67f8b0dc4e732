import { type ConfigurationKind, type ConfigurationRecord, configurationStreamId } from '@coachflow/domain';
import type { AggregateResult, EventStore } from '@coachflow/event-store';
import { LRUCache } from 'lru-cache';
import { loadConfiguration } from './load-configuration';

export type ConfigurationReads = Pick<EventStore, 'aggregateStream' | 'streamVersions'>;

export interface ConfigurationObjectRef {
  kind: ConfigurationKind;
  id: string;
}

/**
 * Configuration records folded from their streams, kept while their stream stays where it was. A load asks
 * for the versions of every stream it needs in one query and folds again only the streams that grew, so it
 * is as current as folding each stream every time (a publish that returned has moved its stream) at a
 * fraction of the reads: starting a cycle needs a playbook, its rubric and a dozen forms.
 */
export class ConfigurationRecordCache {
  private readonly folded: LRUCache<string, AggregateResult<ConfigurationRecord>>;

  constructor(
    private readonly eventStore: ConfigurationReads,
    capacity = 2000,
  ) {
    this.folded = new LRUCache({ max: capacity });
  }

  /** The current record of each object, in order (a record that does not exist has `state.exists` false). */
  async load(objects: readonly ConfigurationObjectRef[]): Promise<ConfigurationRecord[]> {
    const streamIds = objects.map(({ kind, id }) => configurationStreamId(kind, id));
    const versions = await this.eventStore.streamVersions(streamIds);
    return Promise.all(
      objects.map(async ({ kind, id }, index) => {
        const streamId = streamIds[index] as string;
        const cached = this.folded.get(streamId);
        if (cached && cached.version === versions.get(streamId)) return cached.state;
        const loaded = await loadConfiguration(this.eventStore, kind, id);
        this.folded.set(streamId, loaded);
        return loaded.state;
      }),
    );
  }
}
