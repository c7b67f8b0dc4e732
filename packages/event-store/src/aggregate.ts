import type { AggregateResult, RecordedEvent } from './event-store';

/** Folds a stream's events into a state with a decider's `evolve` (shared by every store). */
export function aggregate<State>(
  events: RecordedEvent[],
  evolve: (state: State, event: RecordedEvent) => State,
  initialState: () => State,
): AggregateResult<State> {
  let state = initialState();
  for (const event of events) state = evolve(state, event);
  return { state, version: events.at(-1)?.streamVersion ?? 0 };
}
