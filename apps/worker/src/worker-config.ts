import { type TemporalSettings, temporalSettingsFromEnv } from '@coachflow/workflows';

export interface WorkerConfig {
  databaseUrl: string;
  temporal: TemporalSettings;
  /** Prebuilt workflow bundle (production); without it the worker bundles workflow code at start. */
  workflowBundlePath: string | undefined;
  /**
   * Workflows kept in the sticky cache (Temporal's maxCachedWorkflows); unset, the SDK's default of about
   * 600 per GiB of heap above 200 MiB. Memory grows with it: see docs/benchmarks.md (memory).
   */
  workflowCacheSize: number | undefined;
}

export function loadWorkerConfig(env: Record<string, string | undefined>): WorkerConfig {
  const databaseUrl = env['DATABASE_URL'];
  if (!databaseUrl) throw new Error('DATABASE_URL is not set: the worker records events in Postgres');
  return {
    databaseUrl,
    temporal: temporalSettingsFromEnv(env),
    workflowBundlePath: env['WORKFLOW_BUNDLE_PATH'],
    workflowCacheSize: cacheSize(env['WORKFLOW_CACHE_SIZE']),
  };
}

function cacheSize(raw: string | undefined): number | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 2)
    throw new Error(`WORKFLOW_CACHE_SIZE must be a whole number of at least 2, got "${raw}"`);
  return size;
}
