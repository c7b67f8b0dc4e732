import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { freePort, ManagedProcess, waitUntil, workspaceRoot } from '@coachflow/dev-stack';
import { integrationEnv } from './integration-env';

/** Collects a process's output for assertions; shown only when a test fails. */
export class OutputLog {
  readonly lines: string[] = [];
  readonly sink = (line: string) => {
    this.lines.push(line);
  };

  text(): string {
    return this.lines.join('\n');
  }

  tail(count = 40): string {
    return this.lines.slice(-count).join('\n');
  }
}

/** Runs one of the workspace's built entry points (e.g. `apps/api/dist/main.js`) as a child process. */
export function startBuiltEntry(
  name: string,
  entry: string,
  env: NodeJS.ProcessEnv,
  log: OutputLog,
): ManagedProcess {
  return new ManagedProcess({
    name,
    command: process.execPath,
    args: [join(workspaceRoot(__dirname), entry)],
    env,
    output: log.sink,
  });
}

/** Environment for API and worker processes on the suite's Postgres and Temporal, on a task queue of their own. */
export function appProcessEnv(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = integrationEnv();
  return {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: env.databaseUrl,
    TEMPORAL_ADDRESS: env.temporalAddress,
    TEMPORAL_TASK_QUEUE: `it-${randomUUID()}`,
    WORKFLOW_BUNDLE_PATH: env.workflowBundlePath,
    JWT_SECRET: randomUUID() + randomUUID(),
    WEBHOOK_SECRET_KEY: randomBytes(32).toString('base64'),
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
    ...overrides,
  };
}

export interface RunningApi {
  baseUrl: string;
  process: ManagedProcess;
  log: OutputLog;
}

/**
 * Starts the built API on `port` (a free one when absent: a test that must know it in advance, for a
 * redirect URI, picks it with `freePort`) and resolves once it answers /health (with any status).
 */
export async function startApiProcess(env: NodeJS.ProcessEnv, port?: number): Promise<RunningApi> {
  port ??= await freePort();
  const log = new OutputLog();
  const api = startBuiltEntry('api', 'apps/api/dist/main.js', { ...env, PORT: String(port) }, log);
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntil(async () => (await fetch(`${baseUrl}/health`)).status, {
    what: 'the API process',
    timeoutMs: 60_000,
  }).catch((error: Error) => {
    void api.stop();
    throw new Error(`${error.message}\n${log.tail()}`);
  });
  return { baseUrl, process: api, log };
}
