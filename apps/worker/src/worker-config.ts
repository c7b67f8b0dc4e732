import { type TemporalSettings, temporalSettingsFromEnv } from '@coachflow/workflows';

export interface WorkerConfig {
  databaseUrl: string;
  temporal: TemporalSettings;
  /** Prebuilt workflow bundle (production); without it the worker bundles workflow code at start. */
  workflowBundlePath: string | undefined;
}

export function loadWorkerConfig(env: Record<string, string | undefined>): WorkerConfig {
  const databaseUrl = env['DATABASE_URL'];
  if (!databaseUrl) throw new Error('DATABASE_URL is not set: the worker records events in Postgres');
  return {
    databaseUrl,
    temporal: temporalSettingsFromEnv(env),
    workflowBundlePath: env['WORKFLOW_BUNDLE_PATH'],
  };
}
