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
import type { RolePids } from './process-cpu';

/** A whole Coachflow for the cycle benchmark: dev server, worker and API on the bench's database. */
export interface CycleStack {
  baseUrl: string;
  /** Every API process's base URL, the first one's `baseUrl`. */
  baseUrls: string[];
  /** Starts one more worker and one more API on the same dev server, task queue and database. */
  addWorkerAndApi(): Promise<string>;
  /** The first worker's process id. */
  workerPid(): number | undefined;
  /** The process ids of the APIs, the workers and the dev server, for CPU accounting. */
  pids(): RolePids;
  /** Stops the first worker and starts a fresh one in its place; resolves once it polls. */
  restartWorker(): Promise<void>;
  temporalAddress: string;
  taskQueue: string;
  stop(): Promise<void>;
}

const BUILT = ['apps/api/dist/main.js', 'apps/worker/dist/main.js'];

/**
 * Starts Temporal's dev server (in memory), then the built worker and API as processes of their own, as in
 * production. Their output is shown only for warnings and errors.
 */
export async function startCycleStack(
  databaseUrl: string,
  say: (line: string) => void,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<CycleStack> {
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
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    // Load benches sign in hundreds of simulated people from one address.
    LOGIN_ATTEMPTS_PER_MINUTE: '100000',
    ...extraEnv,
  };
  // Extra node flags for the workers and APIs only, e.g. `--cpu-prof --cpu-prof-dir=/tmp/profiles`
  // (NODE_OPTIONS refuses --cpu-prof, and would profile the bench too).
  const nodeArgs = process.env['BENCH_NODE_ARGS']?.split(' ').filter(Boolean) ?? [];
  const processes: ManagedProcess[] = [];
  const workers: ManagedProcess[] = [];
  const apis: ManagedProcess[] = [];
  const baseUrls: string[] = [];
  const start = (name: string, entry: string, port?: number) => {
    const started = new ManagedProcess({
      name,
      command: process.execPath,
      args: [...nodeArgs, join(root, entry)],
      env: port === undefined ? env : { ...env, PORT: String(port) },
      output: quiet(name),
    });
    processes.push(started);
    return started;
  };
  const stop = async () => {
    for (const running of processes.reverse()) await running.stop();
    await temporal.process.stop();
  };
  const addWorkerAndApi = async () => {
    const port = await freePort();
    workers.push(start(`worker ${baseUrls.length + 1}`, 'apps/worker/dist/main.js'));
    apis.push(start(`api ${baseUrls.length + 1}`, 'apps/api/dist/main.js', port));
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitUntil(async () => ((await fetch(`${baseUrl}/health`)).status === 200 ? true : undefined), {
      what: 'the API',
      timeoutMs: 60_000,
    });
    baseUrls.push(baseUrl);
    return baseUrl;
  };
  const restartWorker = async () => {
    const old = workers[0];
    await old?.stop();
    const fresh = start('worker 1', 'apps/worker/dist/main.js');
    workers[0] = fresh;
    await fresh.waitForLine(/projections running/, 60_000);
  };
  say('starting the worker and the API');
  let baseUrl: string;
  try {
    baseUrl = await addWorkerAndApi();
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    baseUrl,
    baseUrls,
    addWorkerAndApi,
    workerPid: () => workers[0]?.pid,
    pids: () => {
      const of = (all: ManagedProcess[]) => all.flatMap((running) => (running.pid ? [running.pid] : []));
      return { api: of(apis), worker: of(workers), temporal: of([temporal.process]) };
    },
    restartWorker,
    temporalAddress: temporal.address,
    taskQueue,
    stop,
  };
}
