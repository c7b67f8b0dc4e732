import { randomUUID } from 'node:crypto';
import type {
  AuditEventView,
  CycleView,
  ImportUsersResult,
  LoginResponse,
  Page,
  ProblemDetails,
  UserView,
} from '@coachflow/contracts';
import {
  ApiClient,
  type AppStack,
  eventually,
  FIXTURE_PASSWORD,
  type OrganisationFixture,
  startAppStack,
  startCycle,
} from '@coachflow/testing';
import { createUser, expectStatus, openTask, twoOrganisations } from './access-fixtures';

/** Strings that have broken systems: each must be stored and returned exactly as sent. */
const HOSTILE = [
  "Robert'); DROP TABLE users;--",
  `" OR 1=1 -- ' OR ''='`,
  '<script>alert(1)</script><img src=x onerror=alert(2)>',
  '{{constructor.constructor("return process")()}} ${7*7}',
  'Zoë Ñandú Łódź 東京 مرحبا שלום',
  'e\u0301 \u200d\u200b \u202eevil\u202c 👩🏽‍💻🏳️‍🌈',
  '\\u0000 \\x00 %00 %s %n',
  'x'.repeat(200),
];

const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id).sort();

describe('people: reporting lines, reach, org-chart import, hostile input, audit', () => {
  let server: AppStack;
  let org: OrganisationFixture;
  let other: OrganisationFixture;
  let playbookId: string;

  beforeAll(async () => {
    server = await startAppStack({ LOG_LEVEL: 'warn' });
    ({ org, other, playbookId } = await twoOrganisations(server.baseUrl));
  });

  afterAll(async () => {
    await server?.stop();
  });

  describe('reach', () => {
    it('lists only the users within each caller’s reach', async () => {
      const list = async (api: ApiClient) =>
        ids(expectStatus(await api.get<Page<UserView>>('/api/users?limit=200'), 200, 'list'));
      const { admin, leader, manager, otherManager, rep, otherRep } = org;
      const sorted = (...users: { user: UserView }[]) => users.map((user) => user.user.id).sort();
      expect(await list(rep.api)).toEqual(sorted(rep, manager, leader));
      expect(await list(manager.api)).toEqual(sorted(manager, leader, rep, otherRep));
      expect(await list(leader.api)).toEqual(sorted(leader, manager, otherManager, rep, otherRep));
      expect(await list(admin.api)).toEqual(
        expect.arrayContaining(sorted(admin, leader, manager, otherManager, rep, otherRep)),
      );
      expect(await list(admin.api)).not.toContain(other.rep.user.id);
    });

    it('shows a leader every cycle below them, a manager their reports’, a rep only their own', async () => {
      const cycle = await startCycle(org.manager.api, org.rep.user.id, playbookId);
      const listed = async (api: ApiClient) =>
        (await api.get<Page<CycleView>>('/api/cycles?limit=200')).body.items.map((item) => item.id);
      await eventually(async () => expect(await listed(org.leader.api)).toContain(cycle.id));
      expect(await listed(org.manager.api)).toContain(cycle.id);
      expect(await listed(org.rep.api)).toContain(cycle.id);
      expect(await listed(org.otherRep.api)).not.toContain(cycle.id);
      expect(await listed(org.otherManager.api)).not.toContain(cycle.id);
      expect(await listed(other.admin.api)).not.toContain(cycle.id);
      // A leader two levels up, not the direct manager, reads it too; a leader of another branch does not.
      const otherLeader = await createUser(org.admin.api, 'leader', null, 'other-leader');
      const login = expectStatus(
        await new ApiClient(server.baseUrl).post<LoginResponse>('/api/auth/login', {
          email: otherLeader.email,
          password: FIXTURE_PASSWORD,
        }),
        200,
        'login',
      );
      const stranger = new ApiClient(server.baseUrl, login.token);
      expect((await stranger.get(`/api/cycles/${cycle.id}`)).status).toBe(403);
      expect(await listed(stranger)).not.toContain(cycle.id);
      expect((await org.leader.api.get(`/api/cycles/${cycle.id}`)).status).toBe(200);
    });
  });

  describe('no mass assignment', () => {
    it('lets a rep change their name and nothing that grants power', async () => {
      for (const body of [
        { role: 'admin' },
        { managerId: null },
        { active: true },
        { email: 'me@evil.test' },
        { name: 'ok', role: 'leader' },
      ]) {
        const response = await org.rep.api.request<ProblemDetails>(
          'PATCH',
          `/api/users/${org.rep.user.id}`,
          body,
        );
        expect([JSON.stringify(body), response.status]).toEqual([JSON.stringify(body), 400]);
      }
      const renamed = await org.rep.api.request<UserView>('PATCH', `/api/users/${org.rep.user.id}`, {
        name: 'Ray',
      });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ name: 'Ray', role: 'rep', managerId: org.manager.user.id });
      // An admin cannot demote or deactivate themselves either (no organisation without an admin).
      for (const body of [{ role: 'rep' }, { active: false }]) {
        expect((await org.admin.api.request('PATCH', `/api/users/${org.admin.user.id}`, body)).status).toBe(
          400,
        );
      }
    });

    it('keeps a manager from editing their report and an admin from editing another organisation', async () => {
      expect(
        (await org.manager.api.request('PATCH', `/api/users/${org.rep.user.id}`, { name: 'x' })).status,
      ).toBe(403);
      const foreign = await other.admin.api.request<ProblemDetails>(
        'PATCH',
        `/api/users/${org.rep.user.id}`,
        { role: 'admin' },
      );
      expect(foreign.status).toBe(404);
      expect(JSON.stringify(foreign.body)).not.toContain(org.rep.user.email);
    });
  });

  describe('reporting lines', () => {
    it('stays a tree: refuses self, a cycle, and a manager of another organisation', async () => {
      const patch = (id: string, managerId: string) =>
        org.admin.api.request<ProblemDetails>('PATCH', `/api/users/${id}`, { managerId });
      const self = await patch(org.leader.user.id, org.leader.user.id);
      expect(self.status).toBe(400);
      expect(self.body.errors).toEqual([
        { path: '/managerId', message: 'would make the reporting line a cycle' },
      ]);
      // rep → manager → leader; the leader reporting to the rep would close the loop.
      const loop = await patch(org.leader.user.id, org.rep.user.id);
      expect(loop.status).toBe(400);
      expect(loop.body.type).toContain('reporting-cycle');
      const foreign = await patch(org.rep.user.id, other.manager.user.id);
      expect(foreign.status).toBe(400);
      expect(foreign.body.errors?.[0]?.path).toBe('/managerId');
      expect((await org.rep.api.get<UserView>('/api/me')).body.managerId).toBe(org.manager.user.id);
    });

    it('moves a rep with a running cycle to a new manager, audited, and the cycle follows', async () => {
      const rep = await createUser(org.admin.api, 'rep', org.manager.user.id, 'mover');
      const cycle = await startCycle(org.manager.api, rep.id, playbookId);
      const moved = await org.admin.api.request<UserView>('PATCH', `/api/users/${rep.id}`, {
        managerId: org.otherManager.user.id,
      });
      expect(moved.status).toBe(200);
      expect(moved.body.managerId).toBe(org.otherManager.user.id);
      const seen = await org.otherManager.api.get<CycleView>(`/api/cycles/${cycle.id}`);
      expect(seen.status).toBe(200);
      expect(seen.body.managerId).toBe(org.otherManager.user.id);
      const audit = await org.admin.api.get<Page<AuditEventView>>('/api/audit?limit=50');
      expect(audit.body.items).toContainEqual(
        expect.objectContaining({
          type: 'ReportingLineChanged',
          actorId: org.admin.user.id,
          data: expect.objectContaining({
            userId: rep.id,
            from: org.manager.user.id,
            to: org.otherManager.user.id,
          }),
        }),
      );
    });

    it('audits role changes and hands a deactivated manager’s reports and open tasks to their own manager', async () => {
      const manager = await createUser(org.admin.api, 'manager', org.leader.user.id, 'departing');
      const rep = await createUser(org.admin.api, 'rep', manager.id, 'left-behind');
      const login = expectStatus(
        await new ApiClient(server.baseUrl).post<LoginResponse>('/api/auth/login', {
          email: manager.email,
          password: FIXTURE_PASSWORD,
        }),
        200,
        'login',
      );
      const managerApi = new ApiClient(server.baseUrl, login.token);
      const cycle = await startCycle(managerApi, rep.id, playbookId);
      await openTask(managerApi, 'manager-assessment', cycle.id);

      expect((await org.admin.api.request('PATCH', `/api/users/${rep.id}`, { role: 'manager' })).status).toBe(
        200,
      );
      expect((await org.admin.api.request('PATCH', `/api/users/${rep.id}`, { role: 'rep' })).status).toBe(
        200,
      );
      expect(
        (await org.admin.api.request('PATCH', `/api/users/${manager.id}`, { active: false })).status,
      ).toBe(200);
      await openTask(org.leader.api, 'manager-assessment', cycle.id);
      // Their report now reports to their manager, and so does the running cycle.
      expect((await org.admin.api.get<UserView>(`/api/users/${rep.id}`)).body.managerId).toBe(
        org.leader.user.id,
      );
      expect((await org.leader.api.get<CycleView>(`/api/cycles/${cycle.id}`)).body.managerId).toBe(
        org.leader.user.id,
      );

      const audit = await org.admin.api.get<Page<AuditEventView>>('/api/audit?limit=50');
      const roleChanges = audit.body.items.filter(
        (event) => event.type === 'UserRoleChanged' && event.data['userId'] === rep.id,
      );
      expect(roleChanges.map((event) => [event.data['from'], event.data['to']])).toEqual([
        ['manager', 'rep'],
        ['rep', 'manager'],
      ]);
      expect(audit.body.items.find((event) => event.type === 'UserDeactivated')?.data['userId']).toBe(
        manager.id,
      );
      expect(audit.body.items).toContainEqual(
        expect.objectContaining({
          type: 'ReportingLineChanged',
          data: expect.objectContaining({ userId: rep.id, from: manager.id, to: org.leader.user.id }),
        }),
      );
      // Listed for admins only, and never another organisation's.
      expect((await org.leader.api.get('/api/audit')).status).toBe(403);
      const foreign = await other.admin.api.get<Page<AuditEventView>>('/api/audit?limit=200');
      expect(JSON.stringify(foreign.body)).not.toContain(rep.id);
    });

    it('lists configuration publishes in the audit log, each organisation its own', async () => {
      const publishes = async (api: ApiClient) =>
        (await api.get<Page<AuditEventView>>('/api/audit?limit=200')).body.items.filter(
          (event) => event.type === 'ConfigurationPublished',
        );
      const ours = await publishes(org.admin.api);
      const streams = ours.map((event) => event.streamId);
      expect(streams).toEqual(
        expect.arrayContaining([expect.stringMatching(/^rubric-/), expect.stringMatching(/^playbook-/)]),
      );
      expect(ours.find((event) => event.streamId.startsWith('playbook-'))?.actorId).toBe(org.admin.user.id);
      const theirs = (await publishes(other.admin.api)).map((event) => event.streamId);
      expect(theirs.filter((stream) => streams.includes(stream))).toEqual([]);
    });
  });

  describe('org-chart import', () => {
    const tag = randomUUID().slice(0, 8);
    const email = (who: string) => `${who}-${tag}@import.test`;

    it('dry-runs with row-level errors and changes nothing', async () => {
      const csv = [
        'email,name,role,manager_email',
        `${email('vp')},VP,leader,`,
        `not-an-email,Broken,rep,${email('vp')}`,
        `${email('a')},A,manager,${email('b')}`,
        `${email('b')},B,manager,${email('a')}`,
        `${email('c')},C,boss,${email('ghost')}`,
      ].join('\n');
      const result = await org.admin.api.post<ImportUsersResult>('/api/users/import', { csv, dryRun: true });
      expect(result.status).toBe(200);
      expect(result.body).toMatchObject({ dryRun: true, applied: false });
      const byRow = result.body.errors.map((error) => [error.row, error.column]);
      expect(byRow).toEqual(
        expect.arrayContaining([
          [2, 'email'],
          [3, 'manager_email'],
          [4, 'manager_email'],
          [5, 'role'],
        ]),
      );
      expect(result.body.errors.find((error) => error.row === 3)?.message).toContain('reporting cycle');
      expect(JSON.stringify(result.body)).not.toContain(other.organisationId);

      const applied = await org.admin.api.post<ProblemDetails>('/api/users/import', { csv });
      expect(applied.status).toBe(400);
      expect(applied.body.errors).toContainEqual(expect.objectContaining({ path: '/csv/3/manager_email' }));
      const users = await org.admin.api.get<Page<UserView>>('/api/users?limit=200');
      expect(users.body.items.map((user) => user.email)).not.toContain(email('vp'));
    });

    it('applies a valid chart in one go: new people, new lines, existing people moved', async () => {
      const csv = [
        'email,name,role,manager_email,password',
        `${email('rep2')},Rep Two,rep,${email('mgr')},`,
        `${email('mgr')},New Manager,manager,${email('vp')},long-enough-password`,
        `${email('vp')},VP,leader,,`,
        `${org.otherRep.user.email},other-rep,rep,${email('mgr')},`,
      ].join('\n');
      const dry = await org.admin.api.post<ImportUsersResult>('/api/users/import', { csv, dryRun: true });
      expect(dry.body).toMatchObject({ errors: [], created: 3, updated: 1, applied: false });
      const result = await org.admin.api.post<ImportUsersResult>('/api/users/import', { csv });
      expect(result.status).toBe(200);
      expect(result.body).toMatchObject({ applied: true, created: 3, updated: 1, errors: [] });

      const users = (await org.admin.api.get<Page<UserView>>('/api/users?limit=200')).body.items;
      const find = (address: string) =>
        users.find((user) => user.email.toLowerCase() === address.toLowerCase());
      expect(find(email('rep2'))?.managerId).toBe(find(email('mgr'))?.id);
      expect(find(email('mgr'))?.managerId).toBe(find(email('vp'))?.id);
      expect(find(org.otherRep.user.email)?.managerId).toBe(find(email('mgr'))?.id);
      // A password from the file signs in; a row without one cannot sign in with any password.
      const api = new ApiClient(server.baseUrl);
      expect(
        (await api.post('/api/auth/login', { email: email('mgr'), password: 'long-enough-password' })).status,
      ).toBe(200);
      expect((await api.post('/api/auth/login', { email: email('rep2'), password: '' })).status).toBe(400);
      expect(
        (await api.post('/api/auth/login', { email: email('rep2'), password: '!no-password' })).status,
      ).toBe(401);
      // Running it again changes nothing.
      const again = await org.admin.api.post<ImportUsersResult>('/api/users/import', { csv });
      expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    });

    it('answers malformed CSV with the row, and refuses non-admins', async () => {
      const broken = await org.admin.api.post<ImportUsersResult>('/api/users/import', {
        csv: 'email,name,role,manager_email\n"unterminated,x,rep,\n',
        dryRun: true,
      });
      expect(broken.status).toBe(200);
      expect(broken.body.errors).toHaveLength(1);
      expect((await org.leader.api.post('/api/users/import', { csv: 'email', dryRun: true })).status).toBe(
        403,
      );
    });
  });

  describe('hostile strings', () => {
    it('stores and returns every text field verbatim', async () => {
      for (const text of HOSTILE) {
        const signUp = await new ApiClient(server.baseUrl).post<{ name: string }>('/api/organisations', {
          name: text,
          admin: { email: `h-${randomUUID()}@fixture.test`, name: text, password: FIXTURE_PASSWORD },
        });
        expect(signUp.status).toBe(201);
        expect(signUp.body.name).toBe(text);

        const created = await org.admin.api.post<UserView>('/api/users', {
          email: `o'brien+${randomUUID().slice(0, 8)}@fixture.test`,
          name: text,
          password: FIXTURE_PASSWORD,
          role: 'rep',
        });
        expect(created.status).toBe(201);
        const read = await org.admin.api.get<UserView>(`/api/users/${created.body.id}`);
        expect(read.body.name).toBe(text);
        const renamed = await org.admin.api.request<UserView>('PATCH', `/api/users/${created.body.id}`, {
          name: `${text.slice(0, 190)}!`,
        });
        expect(renamed.body.name).toBe(`${text.slice(0, 190)}!`);

        const rubric = await org.admin.api.post<{ id: string; body: { name: string } }>('/api/rubrics', {
          name: text,
          scale: { min: 1, max: 5 },
          competencies: [{ key: 'trust', name: text, weight: 1, target: 4 }],
        });
        expect(rubric.status).toBe(201);
        expect(JSON.stringify((await org.admin.api.get(`/api/rubrics/${rubric.body.id}`)).body)).toContain(
          JSON.stringify(text).slice(1, -1),
        );
      }
    });

    it('refuses text that is too long or that Postgres cannot store, with 400 not 500', async () => {
      const base = { email: `long-${randomUUID()}@fixture.test`, password: FIXTURE_PASSWORD, role: 'rep' };
      for (const name of ['x'.repeat(201), 'nul\u0000byte', '']) {
        const response = await org.admin.api.post<ProblemDetails>('/api/users', { ...base, name });
        expect([JSON.stringify(name).slice(0, 20), response.status]).toEqual([
          JSON.stringify(name).slice(0, 20),
          400,
        ]);
        expect(response.body.errors?.[0]?.path).toBe('/name');
      }
    });
  });
});
