import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  ensureTemporalCli,
  freePort,
  ManagedProcess,
  type RunningTemporalDevServer,
  startTemporalDevServer,
  waitUntil,
  workspaceRoot,
} from '@coachflow/dev-stack';
import { COACHING_SEARCH_ATTRIBUTES } from '@coachflow/workflows';
import { benchWorkflowBundle } from './bench-workflow-bundle';

/** A whole Coachflow for the cycle benchmark: dev server, worker and API on the bench's database. */
export interface CycleStack {
  baseUrl: string;
  temporalAddress: string;
  taskQueue: string;
  stop(): Promise<void>;
}

const BUILT = ['apps/api/dist/main.js', 'apps/worker/dist/main.js'];

/**
 * Starts Temporal's dev server (in memory), then the built worker and API as processes of their own, as in
 * production. Their output is shown only for warnings and errors.
 */
export async function startCycleStack(databaseUrl: string, say: (line: string) => void): Promise<CycleStack> {
  const root = workspaceRoot(__dirname);
  const missing = BUILT.filter((file) => !existsSync(join(root, file)));
  if (missing.length > 0) throw new Error(`${missing.join(', ')} missing: run \`npm run build\` first`);
  // The dev server logs retried internal operations as errors under load; only a crash is news here.
  const quiet = (name: string) => (line: string) => {
    if (name === 'temporal' ? /panic|fatal/i.test(line) : /error|warn|fail/i.test(line))
      say(`${name}: ${line}`);
  };
  say('starting the Temporal dev server');
  const temporal: RunningTemporalDevServer = await startTemporalDevServer({
    cliPath: await ensureTemporalCli(),
    port: await freePort(),
    uiPort: await freePort(),
    searchAttributes: COACHING_SEARCH_ATTRIBUTES,
    output: quiet('temporal'),
  });
  const port = await freePort();
  const taskQueue = `bench-${randomUUID()}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_TASK_QUEUE: taskQueue,
    WORKFLOW_BUNDLE_PATH: await benchWorkflowBundle(say),
    JWT_SECRET: randomUUID() + randomUUID(),
    HOST: '127.0.0.1',
    PORT: String(port),
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
  };
  const start = (name: string, entry: string) =>
    new ManagedProcess({
      name,
      command: process.execPath,
      args: [join(root, entry)],
      env,
      output: quiet(name),
    });
  say('starting the worker and the API');
  const worker = start('worker', 'apps/worker/dist/main.js');
  const api = start('api', 'apps/api/dist/main.js');
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await api.stop();
    await worker.stop();
    await temporal.process.stop();
  };
  try {
    await waitUntil(async () => ((await fetch(`${baseUrl}/health`)).status === 200 ? true : undefined), {
      what: 'the API',
      timeoutMs: 60_000,
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, temporalAddress: temporal.address, taskQueue, stop };
}
