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

/**
 * A fresh organisation built through the public API: admin, leader, a manager reporting to the leader,
 * two reps reporting to that manager, and a second manager. Unique emails, so tests never collide.
 */
export async function createOrganisationFixture(baseUrl: string): Promise<OrganisationFixture> {
  const api = new ApiClient(baseUrl);
  const tag = randomUUID().slice(0, 8);
  const email = (who: string) => `${who}-${tag}@fixture.test`;
  const signUp = await api.post<{ id: string }>('/api/organisations', {
    name: `Fixture ${tag}`,
    admin: { email: email('admin'), name: 'Fixture Admin', password: FIXTURE_PASSWORD },
  });
  if (signUp.status !== 201)
    throw new Error(`sign-up failed: ${signUp.status} ${JSON.stringify(signUp.body)}`);
  const admin = await login(api, email('admin'));

  const create = async (who: string, role: Role, managerId: string | null): Promise<FixtureUser> => {
    const response = await admin.api.post<UserView>('/api/users', {
      email: email(who),
      name: who,
      password: FIXTURE_PASSWORD,
      role,
      managerId,
    });
    if (response.status !== 201)
      throw new Error(`creating ${who} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return login(api, email(who));
  };
  const leader = await create('leader', 'leader', null);
  const manager = await create('manager', 'manager', leader.user.id);
  const otherManager = await create('other-manager', 'manager', leader.user.id);
  const rep = await create('rep', 'rep', manager.user.id);
  const otherRep = await create('other-rep', 'rep', manager.user.id);
  return { organisationId: signUp.body.id, admin, leader, manager, rep, otherRep, otherManager };
}
