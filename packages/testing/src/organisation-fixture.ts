import { randomUUID } from 'node:crypto';
import type { LoginResponse, Role, UserView } from '@coachflow/contracts';
import { ApiClient } from './api-client';

export interface FixtureUser {
  user: UserView;
  api: ApiClient;
}

export interface OrganisationFixture {
  organisationId: string;
  admin: FixtureUser;
  leader: FixtureUser;
  manager: FixtureUser;
  rep: FixtureUser;
  otherRep: FixtureUser;
  /** A manager with no reports here: same organisation, not this rep's manager. */
  otherManager: FixtureUser;
}

export const FIXTURE_PASSWORD = 'fixture-password-1';

async function login(api: ApiClient, email: string): Promise<FixtureUser> {
  const response = await api.post<LoginResponse>('/api/auth/login', { email, password: FIXTURE_PASSWORD });
  if (response.status !== 200)
    throw new Error(`login of ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { user: response.body.user, api: api.withToken(response.body.token) };
}

/** A user created by `admin` through the API, then signed in through `api` (whose base URL it keeps). */
async function createUser(
  admin: FixtureUser,
  api: ApiClient,
  user: { email: string; name: string; role: Role; managerId: string | null },
): Promise<FixtureUser> {
  const response = await admin.api.post<UserView>('/api/users', { ...user, password: FIXTURE_PASSWORD });
  if (response.status !== 201)
    throw new Error(`creating ${user.name} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return login(api, user.email);
}

/** The people of an organisation fixture. */
export type FixtureRole = Exclude<keyof OrganisationFixture, 'organisationId'>;

export interface OrganisationFixtureOptions {
  /** Display names instead of the role's key (`manager`, `other-rep`): a screenshot that reads as the product. */
  names?: Partial<Record<FixtureRole, string>>;
}

/**
 * A fresh organisation built through the public API: admin, leader, a manager reporting to the leader,
 * two reps reporting to that manager, and a second manager. Unique emails, so tests never collide.
 */
export async function createOrganisationFixture(
  baseUrl: string,
  options: OrganisationFixtureOptions = {},
): Promise<OrganisationFixture> {
  const api = new ApiClient(baseUrl);
  const tag = randomUUID().slice(0, 8);
  const email = (who: string) => `${who}-${tag}@fixture.test`;
  const signUp = await api.post<{ id: string }>('/api/organisations', {
    name: `Fixture ${tag}`,
    admin: {
      email: email('admin'),
      name: options.names?.admin ?? 'Fixture Admin',
      password: FIXTURE_PASSWORD,
    },
  });
  if (signUp.status !== 201)
    throw new Error(`sign-up failed: ${signUp.status} ${JSON.stringify(signUp.body)}`);
  const admin = await login(api, email('admin'));

  const create = (who: string, fixtureRole: FixtureRole, role: Role, managerId: string | null) =>
    createUser(admin, api, { email: email(who), name: options.names?.[fixtureRole] ?? who, role, managerId });
  const leader = await create('leader', 'leader', 'leader', null);
  const manager = await create('manager', 'manager', 'manager', leader.user.id);
  const otherManager = await create('other-manager', 'otherManager', 'manager', leader.user.id);
  const rep = await create('rep', 'rep', 'rep', manager.user.id);
  const otherRep = await create('other-rep', 'otherRep', 'rep', manager.user.id);
  return { organisationId: signUp.body.id, admin, leader, manager, rep, otherRep, otherManager };
}

/**
 * Another rep of `org.manager`, with a unique email, signed in. `baseUrl` picks the API process the rep
 * talks to when several serve the same database (by default the admin's).
 */
export function addRep(
  org: OrganisationFixture,
  name: string,
  baseUrl: string = org.admin.api.baseUrl,
): Promise<FixtureUser> {
  const email = `${name.replace(/[^a-z0-9-]/gi, '').toLowerCase() || 'rep'}-${randomUUID().slice(0, 8)}@fixture.test`;
  return createUser(org.admin, new ApiClient(baseUrl), {
    email,
    name,
    role: 'rep',
    managerId: org.manager.user.id,
  });
}
