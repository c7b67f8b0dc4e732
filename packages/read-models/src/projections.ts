import type { ProjectionDefinition } from '@coachflow/event-store';
import { cycleSummariesProjection } from './cycle-summaries/cycle-summaries.projection';

/** Every projection the worker keeps up to date, by name (the name `projections:rebuild` takes). */
export const PROJECTIONS: readonly ProjectionDefinition[] = [cycleSummariesProjection];

export function findProjection(name: string): ProjectionDefinition | undefined {
  return PROJECTIONS.find((projection) => projection.name === name);
}
