import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDatabase, runMigrations } from '@coachflow/database';
import {
  ensureTemporalCli,
  isPortInUse,
  ManagedProcess,
  startEmbeddedPostgres,
  startTemporalDevServer,
  waitUntil,
  workspaceRoot,
} from '@coachflow/dev-stack';
import { COACHING_SEARCH_ATTRIBUTES } from '@coachflow/workflows';
import { devJwtSecret, devWebhookSecretKey } from './dev-secret';
import { type LauncherConfig, loadLauncherConfig } from './launcher-config';
import { Stack } from './stack';

const say = (message: string) => console.log(`[coachflow] ${message}`);
const DEMO_LOGINS = [
  'admin@demo.test',
  'lead@demo.test',
  'maria@demo.test',
  'ray@demo.test',
  'ana@demo.test',
  'sam@demo.test',
];

async function assertPortFree(port: number, setting: string): Promise<void> {
  if (await isPortInUse(port)) {
    throw new Error(
      `port ${port} is already in use (another Coachflow still running?): stop it or set ${setting}`,
    );
  }
}

async function startTemporal(
  config: LauncherConfig,
  stack: Stack,
): Promise<{ address: string; ui: string | undefined }> {
  if (config.temporalAddress) {
    say(`using Temporal at ${config.temporalAddress}`);
    return { address: config.temporalAddress, ui: undefined };
  }
  await assertPortFree(config.temporalPort, 'TEMPORAL_PORT or TEMPORAL_ADDRESS');
  await assertPortFree(config.temporalUiPort, 'TEMPORAL_UI_PORT');
  const cliPath = await ensureTemporalCli();
  const dbFile = join(config.dataDir, 'temporal.db');
  say(`starting the Temporal dev server (workflows kept in ${dbFile})`);
  const server = await startTemporalDevServer({
    cliPath,
    port: config.temporalPort,
    uiPort: config.temporalUiPort,
    dbFile,
    searchAttributes: COACHING_SEARCH_ATTRIBUTES,
  });
  stack.add(server.process);
  return { address: server.address, ui: server.uiUrl };
}

async function startPostgres(config: LauncherConfig, stack: Stack): Promise<string> {
  if (config.databaseUrl) {
    say('using the Postgres in DATABASE_URL');
    return config.databaseUrl;
  }
  await assertPortFree(config.embeddedPostgresPort, 'EMBEDDED_POSTGRES_PORT or DATABASE_URL');
  const dataDir = join(config.dataDir, 'postgres');
  say(`starting embedded Postgres (data in ${dataDir})`);
  // Postgres talks a lot at start-up; only warnings and errors are worth a terminal line.
  const quiet = (line: string) => {
    if (/ (WARNING|ERROR|FATAL|PANIC): |initialising|failed|check that|pass through/.test(line))
      console.log(line);
  };
  const postgres = await startEmbeddedPostgres({ dataDir, port: config.embeddedPostgresPort, output: quiet });
  stack.add(postgres.process);
  const url = new URL(postgres.serverUrl);
  url.pathname = '/coachflow';
  return url.toString();
}

/**
 * Where mail goes: SMTP_URL when set; otherwise the API's mail catcher (development only), which the
 * worker's sender then mails to, and /dev/mail shows.
 */
function mailEnv(config: LauncherConfig): Record<string, string> {
  if (config.smtpUrl) return {};
  return {
    MAIL_CATCHER_PORT: String(config.mailCatcherPort),
    SMTP_URL: `smtp://127.0.0.1:${config.mailCatcherPort}`,
  };
}

async function main(): Promise<void> {
  const config = loadLauncherConfig(process.env, workspaceRoot(__dirname));
  mkdirSync(config.dataDir, { recursive: true });
  await assertPortFree(config.appPort, 'PORT');
  const stack = new Stack();
  let interrupted = false;
  const shutdown = (signal: string) => {
    if (interrupted) return;
    interrupted = true;
    say(`${signal}: stopping API, worker, Temporal and Postgres...`);
    void stack.stop().then(() => {
      say('stopped');
      process.exit(0);
    });
  };
  process.on('exit', () => stack.killAll());
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  try {
    const temporal = await startTemporal(config, stack);
    const databaseUrl = await startPostgres(config, stack);
    if (await ensureDatabase(databaseUrl)) say('created the coachflow database');
    const { applied } = await runMigrations(databaseUrl);
    say(applied.length ? `applied ${applied.length} migration(s)` : 'database schema is up to date');

    if (!config.smtpUrl) await assertPortFree(config.mailCatcherPort, 'MAIL_CATCHER_PORT or SMTP_URL');
    const appUrl = `http://localhost:${config.appPort}`;
    const env = {
      ...process.env,
      ...mailEnv(config),
      APP_URL: process.env['APP_URL'] || appUrl,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporal.address,
      JWT_SECRET: devJwtSecret(config.dataDir, process.env['JWT_SECRET']),
      WEBHOOK_SECRET_KEY: devWebhookSecretKey(config.dataDir, process.env['WEBHOOK_SECRET_KEY']),
      PORT: String(config.appPort),
      // A developer's stack listens on this machine only, like its Postgres and Temporal; HOST opens it up.
      HOST: process.env['HOST'] ?? '127.0.0.1',
    };
    stack.add(
      new ManagedProcess({
        name: 'worker',
        command: process.execPath,
        args: [join(config.root, 'apps/worker/dist/main.js')],
        env,
      }),
    );
    stack.add(
      new ManagedProcess({
        name: 'api',
        command: process.execPath,
        args: [join(config.root, 'apps/api/dist/main.js')],
        env,
      }),
    );
    await waitUntil(async () => ((await fetch(`${appUrl}/health`)).ok ? true : undefined), {
      what: `the API's /health on ${appUrl}`,
      timeoutMs: 120_000,
      intervalMs: 500,
    });

    say('');
    say(`Coachflow is running:`);
    say(`  app          ${appUrl}`);
    say(`  API docs     ${appUrl}/api/docs`);
    if (temporal.ui) say(`  Temporal UI  ${temporal.ui}`);
    if (!config.smtpUrl) say(`  caught mail  ${appUrl}/dev/mail (no SMTP_URL: mail stays on this machine)`);
    say(`  demo logins  ${DEMO_LOGINS.join(', ')} (password: coachflow)`);
    say('Press Ctrl-C to stop.');

    const exited = await stack.firstExit();
    if (!interrupted) {
      say(`${exited.options.name} stopped unexpectedly; stopping everything else`);
      await stack.stop();
      process.exit(1);
    }
  } catch (error) {
    if (interrupted) return;
    say(`could not start: ${error instanceof Error ? error.message : String(error)}`);
    await stack.stop();
    process.exit(1);
  }
}

void main();
