import type { CycleEventView } from '@coachflow/contracts';
import type { RecordedEvent } from '@coachflow/event-store';

/**
 * A stored event as the API shows it in a stream's history (a cycle's timeline, a configuration object's
 * audit trail): the same fields for every stream.
 */
export function toStreamEventView(event: RecordedEvent): CycleEventView {
  return {
    position: event.globalPosition,
    version: event.streamVersion,
    type: event.type,
    data: event.data,
    recordedAt: event.recordedAt.toISOString(),
  };
}
