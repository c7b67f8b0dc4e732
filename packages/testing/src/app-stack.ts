import type { ManagedProcess } from '@coachflow/dev-stack';
import { appProcessEnv, OutputLog, type RunningApi, startApiProcess, startBuiltEntry } from './app-processes';

/** The built API and worker as separate processes on the suite's Postgres and Temporal. */
export interface AppStack {
  /** The environment both processes run with (for CLIs that must reach the same database and queue). */
  env: NodeJS.ProcessEnv;
  api: RunningApi;
  worker: ManagedProcess;
  workerLog: OutputLog;
  baseUrl: string;
  /** Stops the API, then the worker. */
  stop(): Promise<void>;
}

/**
 * Starts the worker and the API (on `apiPort`, else a free port) on a task queue of their own (see
 * `appProcessEnv`, which `overrides` extends) and resolves once the API answers. If the API never comes up the worker is stopped too, so a
 * failed `beforeAll` leaves no process behind.
 */
export async function startAppStack(
  overrides: Record<string, string> = {},
  apiPort?: number,
): Promise<AppStack> {
  const env = appProcessEnv(overrides);
  const workerLog = new OutputLog();
  const worker = startBuiltEntry('worker', 'apps/worker/dist/main.js', env, workerLog);
  const api = await startApiProcess(env, apiPort).catch(async (error: unknown) => {
    await worker.stop();
    throw error;
  });
  return {
    env,
    api,
    worker,
    workerLog,
    baseUrl: api.baseUrl,
    stop: async () => {
      await api.process.stop();
      await worker.stop();
    },
  };
}
