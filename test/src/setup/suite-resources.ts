import type { RunningEmbeddedPostgres } from '@coachflow/dev-stack';
import type { TestWorkflowEnvironment } from '@temporalio/testing';

/** What the global setup started and the teardown must stop (they share the jest parent process). */
export interface SuiteResources {
  temporal: TestWorkflowEnvironment;
  postgres: RunningEmbeddedPostgres | undefined;
  postgresDataDir: string | undefined;
  databaseUrl: string;
}

const KEY = '__coachflowSuiteResources';

export function keepSuiteResources(resources: SuiteResources): void {
  (globalThis as Record<string, unknown>)[KEY] = resources;
}

export function takeSuiteResources(): SuiteResources | undefined {
  const resources = (globalThis as Record<string, unknown>)[KEY] as SuiteResources | undefined;
  delete (globalThis as Record<string, unknown>)[KEY];
  return resources;
}
