import type { EventStore } from '@coachflow/event-store';
import type { CoachingCycleActivities } from '@coachflow/workflows';

export interface CoachingCycleActivityDeps {
  eventStore: EventStore;
}

/** The coaching cycle's activities: thin adapters over the event store, safe to retry. */
export function createCoachingCycleActivities({
  eventStore,
}: CoachingCycleActivityDeps): CoachingCycleActivities {
  return {
    async recordCycleEvents({ streamId, events }) {
      // Event ids are derived from the workflow and step, so a retry after a lost reply stores nothing twice.
      await eventStore.appendToStream(streamId, events);
    },
  };
}
