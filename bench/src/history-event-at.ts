import { temporal } from '@temporalio/proto';

/**
 * A history event of `eventType` at `ms` after `t0` (epoch ms); fromObject makes the seconds a Long, as in
 * the histories the client fetches.
 */
export function historyEventAt(
  t0: number,
  ms: number,
  eventType: temporal.api.enums.v1.EventType,
  attributes: Record<string, unknown> = {},
): temporal.api.history.v1.HistoryEvent {
  return temporal.api.history.v1.HistoryEvent.fromObject({
    eventType,
    eventTime: { seconds: Math.floor((t0 + ms) / 1000), nanos: Math.round(((t0 + ms) % 1000) * 1e6) },
    ...attributes,
  });
}
