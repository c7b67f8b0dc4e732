import type { ProjectionContext, ProjectionDefinition, RecordedEvent } from '@coachflow/event-store';
import { LIVE_UPDATES_RETENTION_MS, type LiveUpdate } from './live-update';
import { publishLiveUpdates } from './publish-live-updates';

/** Who a batch concerns, read after the projection applied it (in its transaction). */
export type LiveAudience = (
  events: readonly RecordedEvent[],
  context: ProjectionContext,
) => Promise<LiveUpdate[]>;

/**
 * The projection, announcing what each batch changed to the people it concerns once the batch commits
 * (see `publishLiveUpdates`). Events older than the retention (a rebuild replaying history) are not
 * announced.
 */
export function withLiveUpdates(
  projection: ProjectionDefinition,
  audience: LiveAudience,
): ProjectionDefinition {
  return {
    ...projection,
    async apply(events, context) {
      await projection.apply(events, context);
      const since = Date.now() - LIVE_UPDATES_RETENTION_MS;
      const recent = events.filter((event) => event.recordedAt.getTime() > since);
      if (recent.length > 0) await publishLiveUpdates(context.db, await audience(recent, context));
    },
  };
}
