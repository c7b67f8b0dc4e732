import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  ConfigurationSummary,
  CycleEventView,
  CycleView,
  HealthView,
  LoginResponse,
  Page,
  UserView,
} from '@coachflow/contracts';
import { freePort, isPortInUse, type ManagedProcess } from '@coachflow/dev-stack';
import { ApiClient, eventually, integrationEnv, OutputLog, startBuiltEntry } from '@coachflow/testing';

/**
 * `npm start` as a newcomer runs it: an embedded Postgres and a Temporal dev server under a data folder,
 * the demo organisation, Ctrl-C that leaves nothing behind, and a restart that still has the cycle.
 */
describe('the launcher (npm start) on embedded defaults', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'coachflow-launcher-'));
  // mkdtemp makes the folder private to root; the embedded Postgres runs as the postgres user.
  chmodSync(dataDir, 0o755);
  const log = new OutputLog();
  let ports: Record<'PORT' | 'TEMPORAL_PORT' | 'TEMPORAL_UI_PORT' | 'EMBEDDED_POSTGRES_PORT', number>;
  let launcher: ManagedProcess | undefined;

  async function launch(): Promise<ApiClient> {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dataDir,
      TEMPORAL_CLI: integrationEnv().temporalCli,
    };
    delete env['DATABASE_URL'];
    delete env['TEMPORAL_ADDRESS'];
    delete env['JWT_SECRET'];
    for (const [name, port] of Object.entries(ports)) env[name] = String(port);
    launcher = startBuiltEntry('launcher', 'apps/launcher/dist/main.js', env, log);
    await launcher.waitForLine(/Coachflow is running/, 180_000).catch((error: Error) => {
      throw new Error(`${error.message}\n${log.tail()}`);
    });
    return new ApiClient(`http://127.0.0.1:${ports.PORT}`);
  }

  async function login(api: ApiClient, email: string): Promise<ApiClient> {
    const response = await api.post<LoginResponse>('/api/auth/login', { email, password: 'coachflow' });
    expect(response.status).toBe(200);
    return api.withToken(response.body.token);
  }

  async function stopWith(signal: NodeJS.Signals): Promise<void> {
    launcher!.stop(60_000, signal).catch(() => undefined);
    expect(await launcher!.exited).toBe(0);
    for (const port of Object.values(ports)) expect(await isPortInUse(port)).toBe(false);
  }

  beforeAll(async () => {
    ports = {
      PORT: await freePort(),
      TEMPORAL_PORT: await freePort(),
      TEMPORAL_UI_PORT: await freePort(),
      EMBEDDED_POSTGRES_PORT: await freePort(),
    };
  });

  afterAll(async () => {
    // SIGTERM, as Ctrl-C would: the launcher then stops its children (SIGKILL would orphan them).
    await launcher?.stop(60_000, 'SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs the product, stops cleanly on Ctrl-C and keeps the data across a restart', async () => {
    const api = await launch();
    await eventually(async () => {
      const health = await api.get<HealthView>('/health');
      expect(health.body).toMatchObject({ status: 'ok', checks: { database: 'up', temporal: 'up' } });
      // The worker sets its projections up as it starts, moments after the API answers.
      expect(health.body.projections?.['cycle-summaries']?.behind).toBe(0);
    });
    expect((await api.get<string>('/')).body).toContain('<div id="root">');

    const admin = await login(api, 'admin@demo.test');
    const users = await admin.get<{ items: UserView[] }>('/api/users');
    const ray = users.body.items.find((user) => user.email === 'ray@demo.test')!;
    const maria = await login(api, 'maria@demo.test');
    // The demo's published example playbook (the list is a projection the worker keeps).
    const demoPlaybook = await eventually(async () => {
      const playbooks = await maria.get<Page<ConfigurationSummary>>('/api/playbooks?status=published');
      const found = playbooks.body.items.find((playbook) => playbook.name === '30-day coaching plan');
      expect(found).toBeDefined();
      return found!;
    });
    const cycle = await maria.post<CycleView>('/api/cycles', { repId: ray.id, playbookId: demoPlaybook.id });
    expect(cycle.status).toBe(201);
    const started = ['CycleStarted', 'TaskOpened', 'TaskOpened'];
    await eventually(async () => {
      const events = await maria.get<{ items: CycleEventView[] }>(`/api/cycles/${cycle.body.id}/events`);
      expect(events.body.items.map((event) => event.type)).toEqual(started);
    });

    await stopWith('SIGINT');

    const again = await launch();
    const mariaAgain = await login(again, 'maria@demo.test');
    const events = await mariaAgain.get<{ items: CycleEventView[] }>(`/api/cycles/${cycle.body.id}/events`);
    expect(events.body.items.map((event) => event.type)).toEqual(started);
    // Still one demo organisation: the seed ran once.
    expect(
      (await (await login(again, 'admin@demo.test')).get<{ items: UserView[] }>('/api/users')).body.items,
    ).toHaveLength(6);
    await stopWith('SIGTERM');
  });
});
