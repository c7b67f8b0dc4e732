import { contractSchemas, eventStoreContract } from '../testing/event-store.contract';
import { InMemoryEventStore } from './in-memory-event-store';

eventStoreContract('InMemoryEventStore', async () => {
  const store = new InMemoryEventStore(contractSchemas());
  return {
    store,
    writeLegacy: async (streamId, event, schemaVersion) =>
      store.seedLegacyEvent(streamId, event, schemaVersion),
  };
});
