import {
  type ConfigurationEvent,
  type ConfigurationKind,
  type ConfigurationRecord,
  configurationStreamId,
  evolveConfigurationRecord,
  initialConfigurationRecord,
} from '@coachflow/domain';
import type { AggregateResult, EventStore } from '@coachflow/event-store';

/**
 * A configuration object straight from its stream (consistent, unlike the list projection): what reads of
 * one version, pinning and every write decide on. `version` is the stream version to append after.
 */
export function loadConfiguration(
  eventStore: Pick<EventStore, 'aggregateStream'>,
  kind: ConfigurationKind,
  id: string,
): Promise<AggregateResult<ConfigurationRecord>> {
  return eventStore.aggregateStream(
    configurationStreamId(kind, id),
    (record, event) => evolveConfigurationRecord(record, event as unknown as ConfigurationEvent),
    initialConfigurationRecord,
  );
}
