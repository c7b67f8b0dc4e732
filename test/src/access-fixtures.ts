import { randomUUID } from 'node:crypto';
import type { UserView } from '@coachflow/contracts';
import {
  type ApiClient,
  type ApiResponse,
  createOrganisationFixture,
  eventually,
  FIXTURE_PASSWORD,
  type OrganisationFixture,
} from '@coachflow/testing';

/** Fails with the response when its status is not `status`, so a broken fixture says why. */
export function expectStatus<T>(response: ApiResponse<T>, status: number, what: string): T {
  if (response.status !== status)
    throw new Error(`${what}: expected ${status}, got ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A published rubric and a published playbook on it, with second-long timings for fast tests. */
export async function publishPlaybook(admin: ApiClient): Promise<{ rubricId: string; playbookId: string }> {
  const rubric = expectStatus(
    await admin.post<{ id: string }>('/api/rubrics', {
      name: 'Access rubric',
      scale: { min: 1, max: 5 },
      competencies: [
        { key: 'trust', name: 'Building trust', weight: 1, target: 4 },
        { key: 'value', name: 'Creating value', weight: 1, target: 4 },
      ],
    }),
    201,
    'creating a rubric',
  );
  expectStatus(await admin.post(`/api/rubrics/${rubric.id}/publish`), 200, 'publishing the rubric');
  const playbook = expectStatus(
    await admin.post<{ id: string }>('/api/playbooks', {
      name: 'Access playbook',
      rubricId: rubric.id,
      timings: {
        prioritiseDue: 'P7D',
        sessionDue: 'P7D',
        planLength: 'P30D',
        checkInGrace: 'P2D',
        escalateAfter: 'P3D',
      },
      escalation: { levels: ['manager', 'leader'] },
      maxFocusAreas: 2,
      observation: false,
      autoRenew: false,
    }),
    201,
    'creating a playbook',
  );
  expectStatus(await admin.post(`/api/playbooks/${playbook.id}/publish`), 200, 'publishing the playbook');
  return { rubricId: rubric.id, playbookId: playbook.id };
}

/** `org`, which has a published playbook, and `other`, an organisation of strangers to it. */
export async function twoOrganisations(baseUrl: string): Promise<{
  org: OrganisationFixture;
  other: OrganisationFixture;
  rubricId: string;
  playbookId: string;
}> {
  const [org, other] = await Promise.all([
    createOrganisationFixture(baseUrl),
    createOrganisationFixture(baseUrl),
  ]);
  return { org, other, ...(await publishPlaybook(org.admin.api)) };
}

/** An extra user made by the admin (not signed in). */
export async function createUser(
  admin: ApiClient,
  role: UserView['role'],
  managerId: string | null,
  name = `user-${randomUUID().slice(0, 6)}`,
): Promise<UserView> {
  return expectStatus(
    await admin.post<UserView>('/api/users', {
      email: `${name}-${randomUUID().slice(0, 8)}@fixture.test`,
      name,
      password: FIXTURE_PASSWORD,
      role,
      managerId,
    }),
    201,
    `creating ${name}`,
  );
}

/** The first open task of `kind` in the caller's inbox, once the tasks projection has it. */
export async function openTask(api: ApiClient, kind: string, cycleId: string): Promise<{ id: string }> {
  return eventually(async () => {
    const response = await api.get<{ items: { id: string; kind: string; cycleId: string }[] }>(
      '/api/tasks?status=open',
    );
    const task = response.body.items.find(
      (candidate) => candidate.kind === kind && candidate.cycleId === cycleId,
    );
    if (!task) throw new Error(`no open ${kind} task yet: ${JSON.stringify(response.body)}`);
    return task;
  }, 30_000);
}
