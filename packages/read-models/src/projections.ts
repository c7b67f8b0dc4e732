import type { ProjectionDefinition } from '@coachflow/event-store';
import { configurationObjectsProjection } from './configuration/configuration-objects.projection';
import { cycleSummariesProjection } from './cycle-summaries/cycle-summaries.projection';
import { notificationsProjection } from './notifications/notifications.projection';
import { cycleAudience } from './live-updates/cycle-audience';
import { notificationAudience } from './live-updates/notification-audience';
import { taskAudience } from './live-updates/task-audience';
import { withLiveUpdates } from './live-updates/with-live-updates';
import { notificationOutboxProjection } from './outbox/outbox.projection';
import { tasksProjection } from './tasks/tasks.projection';

/**
 * Every projection the worker keeps up to date, by name (the name `projections:rebuild` takes). The inbox,
 * notifications and cycle summaries announce their changes to the people concerned (live updates).
 */
export const PROJECTIONS: readonly ProjectionDefinition[] = [
  withLiveUpdates(cycleSummariesProjection, cycleAudience),
  withLiveUpdates(tasksProjection, taskAudience),
  withLiveUpdates(notificationsProjection, notificationAudience),
  configurationObjectsProjection,
  notificationOutboxProjection,
];

export function findProjection(name: string): ProjectionDefinition | undefined {
  return PROJECTIONS.find((projection) => projection.name === name);
}
