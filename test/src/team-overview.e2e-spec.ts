import type { Page, TeamMemberView } from '@coachflow/contracts';
import {
  type AppStack,
  completeTask,
  createOrganisationFixture,
  createPlaybookFixture,
  eventually,
  fixtureRatings,
  type OrganisationFixture,
  openTask,
  startAppStack,
  startCycle,
} from '@coachflow/testing';

/**
 * What the web pages read beyond the cycle and task routes: the team overview (who is in reach, where each
 * rep's coaching stands), the rubric pinned on a task, and whether single sign-on is offered.
 */
describe('team overview and the reads the web pages need', () => {
  let stack: AppStack;
  let org: OrganisationFixture;
  let other: OrganisationFixture;

  beforeAll(async () => {
    stack = await startAppStack();
    [org, other] = await Promise.all([
      createOrganisationFixture(stack.baseUrl),
      createOrganisationFixture(stack.baseUrl),
    ]);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const team = async (api: OrganisationFixture['manager']['api'], query = '') => {
    const response = await api.get<Page<TeamMemberView>>(`/api/team${query}`);
    expect(response.status).toBe(200);
    return response.body.items;
  };

  it('shows each report in reach with cycle phase, next due, overdue count, escalations and last session', async () => {
    // Overdue at once: the self-assessment is due the moment the cycle starts.
    const playbookId = await createPlaybookFixture(org.admin.api, { timings: { prioritiseDue: 'PT1S' } });
    const started = await startCycle(org.manager.api, org.rep.user.id, playbookId);
    const selfAssessment = await openTask(org.rep.api, started.id, 'self-assessment');

    const row = await eventually(async () => {
      const rows = await team(org.manager.api);
      const found = rows.find((candidate) => candidate.rep.id === org.rep.user.id);
      expect(found?.cycle?.id).toBe(started.id);
      expect(found?.overdueCount).toBeGreaterThan(0);
      return found!;
    });
    expect(row).toMatchObject({
      rep: { id: org.rep.user.id, name: org.rep.user.name, email: org.rep.user.email },
      manager: { id: org.manager.user.id, name: org.manager.user.name },
      cycle: { phase: 'prioritise', status: 'running', playbookId },
      openEscalations: 0,
      lastCoachingSessionAt: null,
    });
    expect(Date.parse(row.nextDueAt!)).toBeLessThanOrEqual(Date.parse(selfAssessment.dueAt));
    // The other rep has no cycle yet: a row that says so.
    expect((await team(org.manager.api)).find((r) => r.rep.id === org.otherRep.user.id)).toMatchObject({
      cycle: null,
      nextDueAt: null,
      overdueCount: 0,
    });

    // The assignee's task carries the rubric version its cycle pinned, which every member may read.
    expect(selfAssessment.rubric).toEqual({ id: expect.any(String), version: 1 });
    const rubric = await org.rep.api.get<{ competencies: { key: string }[] }>(
      `/api/rubrics/${selfAssessment.rubric!.id}/versions/${selfAssessment.rubric!.version}`,
    );
    expect(rubric.status).toBe(200);
    expect(rubric.body.competencies.length).toBeGreaterThan(0);

    // Both assessments in: the set-priorities task carries both ratings side by side.
    await completeTask(org.rep.api, selfAssessment, { ratings: fixtureRatings(4) });
    await completeTask(org.manager.api, await openTask(org.manager.api, started.id, 'manager-assessment'), {
      ratings: fixtureRatings(2),
    });
    const priorities = await openTask(org.manager.api, started.id, 'set-priorities');
    expect(priorities.context['gaps']).toEqual(
      expect.arrayContaining([expect.objectContaining({ selfRating: 4, managerRating: 2 })]),
    );
  });

  it('gives a leader the whole subtree, filterable by manager; nobody else', async () => {
    const everyone = (await team(org.leader.api)).map((row) => row.rep.id).sort();
    expect(everyone).toEqual([org.rep.user.id, org.otherRep.user.id].sort());
    expect((await team(org.leader.api, `?managerId=${org.manager.user.id}`)).length).toBe(2);
    expect(await team(org.leader.api, `?managerId=${org.otherManager.user.id}`)).toEqual([]);
    expect(await team(org.otherManager.api)).toEqual([]);
    expect((await team(org.admin.api)).length).toBe(2);
    // Another organisation's admin sees their own reps only; a rep is refused.
    const foreign = (await team(other.admin.api)).map((row) => row.rep.id);
    expect(foreign).not.toContain(org.rep.user.id);
    expect((await org.rep.api.get('/api/team')).status).toBe(403);
    expect((await org.leader.api.get('/api/team?managerId=nope')).status).toBe(400);
    // Paging by name: one at a time, then the second, then nothing.
    const first = await org.leader.api.get<Page<TeamMemberView>>('/api/team?limit=1');
    expect(first.body.items).toHaveLength(1);
    const second = await org.leader.api.get<Page<TeamMemberView>>(
      `/api/team?limit=1&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items.map((row) => row.rep.id)).not.toEqual(first.body.items.map((row) => row.rep.id));
  });

  it('tells the sign-in page that single sign-on is not configured', async () => {
    const response = await fetch(new URL('/api/auth/oidc', stack.baseUrl));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ enabled: false, loginUrl: null });
  });
});
