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
 * the demo organisation with its living cycles, Ctrl-C that leaves nothing behind, and a restart that still has the cycle.
 */
describe('the launcher (npm start) on embedded defaults', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'coachflow-launcher-'));
  // mkdtemp makes the folder private to root; the embedded Postgres runs as the postgres user.
  chmodSync(dataDir, 0o755);
  const log = new OutputLog();
  let ports: Record<
    'PORT' | 'TEMPORAL_PORT' | 'TEMPORAL_UI_PORT' | 'EMBEDDED_POSTGRES_PORT' | 'MAIL_CATCHER_PORT',
    number
  >;
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
    delete env['SMTP_URL'];
    delete env['APP_URL'];
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
      MAIL_CATCHER_PORT: await freePort(),
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
    const idOf = (email: string) => users.body.items.find((user) => user.email === email)!.id;
    const maria = await login(api, 'maria@demo.test');
    // The living demo: cycles in three places, started and played forward through the same services.
    const demo = await eventually(async () => {
      const cycles = await maria.get<Page<CycleView>>('/api/cycles?status=running');
      const byRep = new Map(cycles.body.items.map((cycle) => [cycle.repId, cycle]));
      expect(byRep.get(idOf('ray@demo.test'))?.phase).toBe('prioritise');
      expect(byRep.get(idOf('ana@demo.test'))?.phase).toBe('improve');
      expect(byRep.get(idOf('sam@demo.test'))?.escalations).toEqual([
        expect.objectContaining({ level: 1, assigneeId: idOf('maria@demo.test') }),
      ]);
      return byRep;
    }, 90_000);
    // No SMTP_URL: Sam's escalation is mailed to Maria and caught, shown at /dev/mail with a link to the task.
    expect(log.text()).toContain(`caught mail  http://localhost:${ports.PORT}/dev/mail`);
    const escalationTask = await eventually(async () => {
      const inbox = await maria.get<Page<{ id: string; kind: string }>>('/api/tasks?status=open');
      const task = inbox.body.items.find((item) => item.kind === 'resolve-escalation');
      expect(task).toBeDefined();
      return task!;
    });
    await eventually(async () => {
      const page = await api.get<string>('/dev/mail');
      expect(page.body).toContain('maria@demo.test');
      expect(page.body).toMatch(/<h2>Escalation: .+ missed/);
      expect(page.body).toContain(`http://localhost:${ports.PORT}/tasks/${escalationTask.id}`);
    }, 90_000);
    const ana = demo.get(idOf('ana@demo.test'))!;
    const firstDue = Math.min(...ana.commitments.map((commitment) => Date.parse(commitment.dueAt)));
    expect(firstDue - Date.now()).toBeGreaterThan(60_000);
    expect(firstDue - Date.now()).toBeLessThan(6 * 60_000);
    const playbooks = await maria.get<Page<ConfigurationSummary>>('/api/playbooks?status=published');
    expect(playbooks.body.items.map((playbook) => playbook.name)).toEqual(
      expect.arrayContaining(['30-day coaching plan', 'DEMO ONLY: coaching cycle in minutes']),
    );
    // Ray's cycle waits for both assessments: his task and maria's.
    const cycle = { body: demo.get(idOf('ray@demo.test'))! };
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
