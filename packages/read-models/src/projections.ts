import type { ProjectionDefinition } from '@coachflow/event-store';
import { configurationObjectsProjection } from './configuration/configuration-objects.projection';
import { cycleSummariesProjection } from './cycle-summaries/cycle-summaries.projection';
import { notificationsProjection } from './notifications/notifications.projection';
import { tasksProjection } from './tasks/tasks.projection';

/** Every projection the worker keeps up to date, by name (the name `projections:rebuild` takes). */
export const PROJECTIONS: readonly ProjectionDefinition[] = [
  cycleSummariesProjection,
  tasksProjection,
  notificationsProjection,
  configurationObjectsProjection,
];

export function findProjection(name: string): ProjectionDefinition | undefined {
  return PROJECTIONS.find((projection) => projection.name === name);
}
