/** The task queue coaching workflows and their activities run on unless configured otherwise. */
export const DEFAULT_TASK_QUEUE = 'coaching';

export interface TemporalSettings {
  address: string;
  namespace: string;
  taskQueue: string;
}

/** How clients and workers reach Temporal, from TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_TASK_QUEUE. */
export function temporalSettingsFromEnv(env: Record<string, string | undefined>): TemporalSettings {
  return {
    address: env['TEMPORAL_ADDRESS'] || '127.0.0.1:7233',
    namespace: env['TEMPORAL_NAMESPACE'] || 'default',
    taskQueue: env['TEMPORAL_TASK_QUEUE'] || DEFAULT_TASK_QUEUE,
  };
}
