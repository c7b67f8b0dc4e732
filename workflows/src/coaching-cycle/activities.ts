import type { DomainEvent } from '@coachflow/domain';

export interface RecordCycleEventsInput {
  streamId: string;
  events: DomainEvent[];
}

/** The activities a coaching cycle calls (implemented in apps/worker). */
export interface CoachingCycleActivities {
  /** Appends events to the cycle's stream; a repeat of an appended batch is a no-op. */
  recordCycleEvents(input: RecordCycleEventsInput): Promise<void>;
}
