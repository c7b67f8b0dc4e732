import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDatabase, runMigrations } from '@coachflow/database';
import {
  ensureTemporalCli,
  freePort,
  ONE_PARTITION_PER_TASK_QUEUE,
  startEmbeddedPostgres,
  workspaceRoot,
} from '@coachflow/dev-stack';
import { COACHING_SEARCH_ATTRIBUTES } from '@coachflow/workflows';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { keepSuiteResources } from './suite-resources';

const log = (message: string) => process.stdout.write(`[integration] ${message}\n`);

/**
 * Starts what every integration test needs, once per run: a Temporal dev server from the provisioned CLI,
 * Postgres (DATABASE_URL's server, else an embedded one) with a database of this run's own, migrated.
 * Tests find them through the environment (see @coachflow/testing's integrationEnv).
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const root = workspaceRoot(__dirname);
  const workflowBundlePath = join(root, 'apps/worker/dist/workflow-bundle.js');
  if (!existsSync(workflowBundlePath))
    throw new Error(`${workflowBundlePath} is missing: run \`npm run build\` first`);

  const temporalCli = await ensureTemporalCli();
  const temporal = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: temporalCli },
      ip: '127.0.0.1',
      searchAttributes: COACHING_SEARCH_ATTRIBUTES,
      extraArgs: ONE_PARTITION_PER_TASK_QUEUE,
    },
  });
  log(`Temporal dev server on ${temporal.address}`);

  let serverUrl = process.env['DATABASE_URL'];
  let postgres;
  let postgresDataDir;
  if (!serverUrl) {
    postgresDataDir = join(tmpdir(), `coachflow-it-${process.pid}`, 'pg');
    rmSync(postgresDataDir, { recursive: true, force: true });
    postgres = await startEmbeddedPostgres({
      dataDir: postgresDataDir,
      port: await freePort(),
      output: () => undefined,
    });
    serverUrl = postgres.serverUrl;
    log('embedded Postgres started (set DATABASE_URL to use another server)');
  }
  const databaseUrl = new URL(serverUrl);
  databaseUrl.pathname = `/coachflow_it_${Date.now()}_${randomBytes(3).toString('hex')}`;
  await ensureDatabase(databaseUrl.toString());
  await runMigrations(databaseUrl.toString());
  log(`template database ${databaseUrl.pathname.slice(1)} migrated; ready in ${Date.now() - started} ms`);

  keepSuiteResources({ temporal, postgres, postgresDataDir, databaseUrl: databaseUrl.toString() });
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl.toString(),
    TEMPORAL_ADDRESS: temporal.address,
    WORKFLOW_BUNDLE_PATH: workflowBundlePath,
    TEMPORAL_CLI: temporalCli,
    // Each test file copies it into a database of its own (per-file-database.ts); nothing writes to it.
    COACHFLOW_IT_TEMPLATE: databaseUrl.pathname.slice(1),
  });
}
