import type { ProjectionContext, ProjectionDefinition, RecordedEvent } from '@coachflow/event-store';
import { LIVE_UPDATES_RETENTION_MS, type LiveUpdate } from './live-update';
import { publishLiveUpdates } from './publish-live-updates';

/** A projection whose `apply` answers the rows the batch left (from its writes' `RETURNING`). */
export type WritingProjection<Written> = Omit<ProjectionDefinition, 'apply'> & {
  apply(events: RecordedEvent[], context: ProjectionContext): Promise<Written>;
};

/** Who a batch concerns, from what the projection answered it wrote (pure: nothing is read again). */
export type LiveAudience<Written> = (events: readonly RecordedEvent[], written: Written) => LiveUpdate[];

/**
 * The projection, announcing what each batch changed to the people it concerns once the batch commits
 * (see `publishLiveUpdates`). The audience comes from the rows the projection's writes returned, so an
 * announcement costs one statement, not a read and a write. Events older than the retention (a rebuild
 * replaying history) are not announced.
 */
export function withLiveUpdates<Written>(
  projection: WritingProjection<Written>,
  audience: LiveAudience<Written>,
): ProjectionDefinition {
  return {
    ...projection,
    async apply(events, context) {
      const written = await projection.apply(events, context);
      const since = Date.now() - LIVE_UPDATES_RETENTION_MS;
      const recent = events.filter((event) => event.recordedAt.getTime() > since);
      if (recent.length > 0) await publishLiveUpdates(context.db, audience(recent, written));
    },
  };
}
