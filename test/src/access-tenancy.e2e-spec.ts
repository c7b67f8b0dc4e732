import { randomUUID } from 'node:crypto';
import type {
  ImportUsersResult,
  LoginResponse,
  OrganisationView,
  Page,
  ProblemDetails,
  UserView,
} from '@coachflow/contracts';
import {
  ApiClient,
  type AppStack,
  createOrganisationFixture,
  FIXTURE_PASSWORD,
  integrationEnv,
  type OrganisationFixture,
  startAppStack,
} from '@coachflow/testing';
import { Client } from 'pg';
import { createUser, expectStatus } from './access-fixtures';

/**
 * Emails are unique per organisation (docs/access-control.md): no answer tells one tenant about another's
 * users, no tenant can take another's addresses, and sign-in finds the organisation by the password. And
 * the org-chart import: short write transactions, and the same rules as a user PATCH.
 */
describe('tenancy of emails, and the org-chart import', () => {
  let server: AppStack;
  let api: ApiClient;
  let acme: OrganisationFixture;
  let globex: OrganisationFixture;

  beforeAll(async () => {
    server = await startAppStack({ LOG_LEVEL: 'warn', LOGIN_ATTEMPTS_PER_MINUTE: '50' });
    api = new ApiClient(server.baseUrl);
    [acme, globex] = await Promise.all([
      createOrganisationFixture(server.baseUrl),
      createOrganisationFixture(server.baseUrl),
    ]);
  });

  afterAll(async () => {
    await server?.stop();
  });

  const login = (email: string, password: string, organisationId?: string) =>
    api.post<LoginResponse & ProblemDetails>('/api/auth/login', {
      email,
      password,
      ...(organisationId ? { organisationId } : {}),
    });

  describe('emails are unique per organisation', () => {
    it('lets another organisation add, sign up and import an address Acme uses, without a word about Acme', async () => {
      const address = acme.rep.user.email;
      const created = await globex.admin.api.post<UserView>('/api/users', {
        email: address.toUpperCase(),
        name: 'Globex namesake',
        password: 'globex-password-1',
        role: 'rep',
        managerId: globex.manager.user.id,
      });
      expect(created.status).toBe(201);
      expect(created.body.organisationId).toBe(globex.organisationId);

      const signUp = await api.post<OrganisationView>('/api/organisations', {
        name: `Initech ${randomUUID().slice(0, 6)}`,
        admin: { email: acme.admin.user.email, name: 'Initech admin', password: 'initech-password-1' },
      });
      expect(signUp.status).toBe(201);

      const csv = `email,name,role,manager_email\n${acme.manager.user.email},Imported,manager,\n`;
      const imported = await globex.admin.api.post<ImportUsersResult>('/api/users/import', { csv });
      expect(imported.status).toBe(200);
      expect(imported.body).toMatchObject({ applied: true, created: 1, errors: [] });

      // Acme's users are untouched, and Acme sees none of Globex's.
      const acmeUsers = (await acme.admin.api.get<Page<UserView>>('/api/users?limit=100')).body.items;
      expect(acmeUsers.every((user) => user.organisationId === acme.organisationId)).toBe(true);
      expect(acmeUsers.filter((user) => user.email.toLowerCase() === address.toLowerCase())).toHaveLength(1);
    });

    it('still refuses an address already used in the same organisation, case-insensitively', async () => {
      const taken = await acme.admin.api.post<ProblemDetails>('/api/users', {
        email: acme.otherRep.user.email.toUpperCase(),
        name: 'Twin',
        password: 'twin-password-1',
        role: 'rep',
      });
      expect(taken.status).toBe(409);
      expect(taken.body.errors).toEqual([
        { path: '/email', message: 'is already taken in this organisation' },
      ]);
      const renamed = await acme.admin.api.request<ProblemDetails>(
        'PATCH',
        `/api/users/${acme.rep.user.id}`,
        {
          email: acme.otherRep.user.email,
        },
      );
      expect(renamed.status).toBe(409);
    });

    it('signs in to the organisation whose password fits, and asks which when several fit', async () => {
      const address = `shared-${randomUUID().slice(0, 8)}@tenancy.test`;
      const make = (org: OrganisationFixture, password: string) =>
        org.admin.api
          .post<UserView>('/api/users', { email: address, name: 'Shared', password, role: 'rep' })
          .then((response) => expectStatus(response, 201, 'creating the shared address'));
      const inAcme = await make(acme, 'acme-password-1');
      const inGlobex = await make(globex, 'globex-password-1');

      expect(expectStatus(await login(address, 'acme-password-1'), 200, 'acme').user.id).toBe(inAcme.id);
      expect(expectStatus(await login(address, 'globex-password-1'), 200, 'globex').user.id).toBe(
        inGlobex.id,
      );
      expect((await login(address, 'neither-password')).status).toBe(401);
      // Naming the organisation checks only its user.
      expect((await login(address, 'acme-password-1', globex.organisationId)).status).toBe(401);

      // The same password in both: the caller, who just proved it for both, chooses.
      const doubled = `both-${randomUUID().slice(0, 8)}@tenancy.test`;
      for (const org of [acme, globex])
        expectStatus(
          await org.admin.api.post('/api/users', {
            email: doubled,
            name: 'Both',
            password: FIXTURE_PASSWORD,
            role: 'rep',
          }),
          201,
          'creating the doubled address',
        );
      const ambiguous = await login(doubled, FIXTURE_PASSWORD);
      expect(ambiguous.status).toBe(409);
      expect(ambiguous.body.organisations?.map((org) => org.id).sort()).toEqual(
        [acme.organisationId, globex.organisationId].sort(),
      );
      const chosen = expectStatus(
        await login(doubled, FIXTURE_PASSWORD, globex.organisationId),
        200,
        'chosen',
      );
      expect(chosen.user.organisationId).toBe(globex.organisationId);
    });
  });

  describe('org-chart import', () => {
    it('hashes passwords outside its write transaction, which stays short', async () => {
      const rows = Array.from(
        { length: 60 },
        (_, index) =>
          `hashed-${index}-${randomUUID().slice(0, 6)}@import.test,Hashed ${index},rep,${acme.manager.user.email},password-${index}-long`,
      );
      const csv = ['email,name,role,manager_email,password', ...rows].join('\n');
      const db = new Client({ connectionString: integrationEnv().databaseUrl });
      await db.connect();
      let longest = 0;
      let importing = true;
      const watch = (async () => {
        while (importing) {
          const result = await db.query<{ seconds: number | null }>(
            `SELECT extract(epoch FROM max(now() - xact_start))::float AS seconds FROM pg_stat_activity
              WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL`,
          );
          longest = Math.max(longest, result.rows[0]?.seconds ?? 0);
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
      })();
      const started = Date.now();
      try {
        const imported = await acme.admin.api.post<ImportUsersResult>('/api/users/import', { csv });
        expect(imported.body).toMatchObject({ applied: true, created: 60, errors: [] });
      } finally {
        importing = false;
        await watch;
        await db.end();
      }
      const took = (Date.now() - started) / 1000;
      // Hashing inside the write transaction would make it last about as long as the whole import, on a
      // fast machine or a loaded one; outside it, the transaction is a small part of the import.
      expect(longest).toBeLessThan(Math.min(1, took / 3));
      expect((await login(rows[59]!.split(',')[0]!, 'password-59-long')).status).toBe(200);
    });

    it('refuses a manager who was deactivated, as a user PATCH does', async () => {
      const leaver = await createUser(acme.admin.api, 'manager', acme.leader.user.id, 'leaver');
      expectStatus(
        await acme.admin.api.request('PATCH', `/api/users/${leaver.id}`, { active: false }),
        200,
        'deactivating',
      );
      const patched = await acme.admin.api.request('PATCH', `/api/users/${acme.otherRep.user.id}`, {
        managerId: leaver.id,
      });
      expect(patched.status).toBe(400);
      const csv = `email,name,role,manager_email\n${acme.otherRep.user.email},other-rep,rep,${leaver.email}\n`;
      const imported = await acme.admin.api.post<ProblemDetails>('/api/users/import', { csv });
      expect(imported.status).toBe(400);
      expect(imported.body.errors).toEqual([
        { path: '/csv/1/manager_email', message: 'is a deactivated user' },
      ]);
      const rep = await acme.admin.api.get<UserView>(`/api/users/${acme.otherRep.user.id}`);
      expect(rep.body.managerId).toBe(acme.manager.user.id);
    });

    it('does not let the only admin demote themselves, as a user PATCH does not', async () => {
      const patched = await globex.admin.api.request('PATCH', `/api/users/${globex.admin.user.id}`, {
        role: 'manager',
      });
      expect(patched.status).toBe(400);
      const csv = `email,name,role,manager_email\n${globex.admin.user.email},Fixture Admin,manager,\n`;
      const imported = await globex.admin.api.post<ProblemDetails>('/api/users/import', { csv });
      expect(imported.status).toBe(400);
      expect(imported.body.errors).toEqual([
        { path: '/csv/1/role', message: 'is your own role, which only another admin can change' },
      ]);
      expect((await globex.admin.api.get<UserView>('/api/me')).body.role).toBe('admin');
    });
  });
});
