import type { CycleEvent } from '@coachflow/domain';
import type { RecordedEvent } from '@coachflow/event-store';

/**
 * A recorded event of a cycle stream as the domain types it. The projections subscribe by type name, so
 * the type tag is what the domain says it is; upcasting on read keeps the data at the current shape.
 */
export function asCycleEvent(event: RecordedEvent): CycleEvent {
  return { id: event.id, type: event.type, data: event.data } as unknown as CycleEvent;
}
