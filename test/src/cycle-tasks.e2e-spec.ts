import type {
  CycleEventView,
  CycleView,
  NotificationView,
  Page,
  ProblemDetails,
  TaskList,
  TaskView,
  UserView,
} from '@coachflow/contracts';
import {
  ApiClient,
  type AppStack,
  completeTask,
  createOrganisationFixture,
  createPlaybookFixture,
  eventually,
  FIXTURE_PASSWORD,
  fixtureRatings,
  type FixtureUser,
  type OrganisationFixture,
  openTask,
  startAppStack,
  addRep,
  startCycle,
} from '@coachflow/testing';

/**
 * The coaching cycle over HTTP, as people live it: tasks appear in inboxes, people complete them, the
 * cycle summary follows. API and worker run as separate processes on a real dev server and Postgres;
 * playbook durations are seconds.
 */
describe('coaching cycle through the inbox', () => {
  let stack: AppStack;
  let org: OrganisationFixture;
  let playbookId: string;

  beforeAll(async () => {
    stack = await startAppStack();
    org = await createOrganisationFixture(stack.baseUrl);
    playbookId = await createPlaybookFixture(org.admin.api);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  /** Both assessments and the priorities: the cycle is then in facilitate, waiting for the session. */
  async function prioritise(rep: FixtureUser, cycleId: string): Promise<void> {
    await completeTask(rep.api, await openTask(rep.api, cycleId, 'self-assessment'), {
      ratings: fixtureRatings(3),
    });
    await completeTask(org.manager.api, await openTask(org.manager.api, cycleId, 'manager-assessment'), {
      ratings: fixtureRatings(2),
    });
    await completeTask(org.manager.api, await openTask(org.manager.api, cycleId, 'set-priorities'), {
      focusAreas: ['discovery'],
      diagnosis: 'skill',
      style: 'coaching',
    });
  }

  async function agreePlan(rep: FixtureUser, cycleId: string, due = 'PT2S'): Promise<void> {
    await completeTask(org.manager.api, await openTask(org.manager.api, cycleId, 'coaching-session'), {
      commitments: [{ title: 'Ask five discovery questions per call', measure: 'calls reviewed', due }],
    });
    await completeTask(rep.api, await openTask(rep.api, cycleId, 'acknowledge-plan'), { accepted: true });
  }

  const summaryOf = async (user: FixtureUser, cycleId: string) => {
    const response = await user.api.get<CycleView>(`/api/cycles/${cycleId}`);
    expect(response.status).toBe(200);
    return response.body;
  };

  const eventTypes = async (cycleId: string) =>
    (await org.admin.api.get<{ items: CycleEventView[] }>(`/api/cycles/${cycleId}/events`)).body.items.map(
      (event) => event.type,
    );

  it('runs a whole cycle from the inbox, refusing bad, foreign and repeated completions', async () => {
    const rep = await addRep(org, 'happy');
    const cycleId = (await startCycle(org.manager.api, rep.user.id, playbookId)).id;

    const selfAssessment = await openTask(rep.api, cycleId, 'self-assessment');
    expect(selfAssessment).toMatchObject({ cycleId, assigneeId: rep.user.id, status: 'open' });
    // The form is the pinned default, with ratings generated from the rubric.
    expect(selfAssessment.form.id).toEqual(expect.any(String));
    expect(selfAssessment.form.version).toBe(1);
    expect(JSON.stringify(selfAssessment.form.schema)).toContain('discovery');

    // Someone else's task: 403; the manager may read it, a colleague may not see it at all.
    expect(
      (await org.manager.api.post(`/api/tasks/${selfAssessment.id}/complete`, { data: {} })).status,
    ).toBe(403);
    expect((await org.manager.api.get<TaskView>(`/api/tasks/${selfAssessment.id}`)).status).toBe(200);
    expect((await org.otherRep.api.get(`/api/tasks/${selfAssessment.id}`)).status).toBe(403);
    // A manager sees a report's inbox; a rep cannot see a colleague's.
    const reportInbox = await org.manager.api.get<TaskList>(`/api/tasks?status=open&assignee=${rep.user.id}`);
    expect(reportInbox.body.items.map((task) => task.id)).toContain(selfAssessment.id);
    expect((await org.otherRep.api.get(`/api/tasks?assignee=${rep.user.id}`)).status).toBe(403);

    // Data that fails the form: 400 with a pointer into the body, nothing recorded.
    const invalid = await rep.api.post<ProblemDetails>(`/api/tasks/${selfAssessment.id}/complete`, {
      data: { ratings: { discovery: 9 } },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors?.map((error) => error.path)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\/data\/ratings/)]),
    );

    const done = await completeTask(rep.api, selfAssessment, { ratings: fixtureRatings(3) });
    expect(done.status).toBe('completed');
    // The answer is what the workflow recorded: the TaskCompleted event, where and when it is stored.
    const recorded = (
      await rep.api.get<{ items: CycleEventView[] }>(`/api/cycles/${cycleId}/events`)
    ).body.items.find((event) => event.position === done.completion.position);
    expect(recorded).toMatchObject({ type: 'TaskCompleted', data: { taskId: selfAssessment.id } });
    expect(done.completion.recordedAt).toBe(recorded?.recordedAt);
    expect(done.completedAt).toBe(done.completion.recordedAt);
    expect(done.completion.openedTaskIds).toEqual([]);
    // The same task twice: 409.
    const twice = await rep.api.post(`/api/tasks/${selfAssessment.id}/complete`, {
      data: { ratings: fixtureRatings(3) },
    });
    expect(twice.status).toBe(409);

    const second = await completeTask(
      org.manager.api,
      await openTask(org.manager.api, cycleId, 'manager-assessment'),
      { ratings: fixtureRatings(2) },
    );
    const priorities = await openTask(org.manager.api, cycleId, 'set-priorities');
    // Both assessments are in: the completion opened the manager's next task and says which.
    expect(second.completion.openedTaskIds).toEqual([priorities.id]);
    // More focus areas than the playbook allows (2): 400.
    const tooMany = await org.manager.api.post<ProblemDetails>(`/api/tasks/${priorities.id}/complete`, {
      data: { focusAreas: ['discovery', 'closing', 'objections'], diagnosis: 'skill', style: 'coaching' },
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors?.map((error) => error.path)).toContain('/data/focusAreas');
    await completeTask(org.manager.api, priorities, {
      focusAreas: ['discovery'],
      diagnosis: 'skill',
      style: 'coaching',
    });
    await eventually(async () =>
      expect(await summaryOf(org.manager, cycleId)).toMatchObject({
        phase: 'facilitate',
        focusAreas: ['discovery'],
      }),
    );

    await agreePlan(rep, cycleId);
    await eventually(async () => {
      const summary = await summaryOf(rep, cycleId);
      expect(summary.phase).toBe('improve');
      expect(summary.commitments).toEqual([
        expect.objectContaining({ title: 'Ask five discovery questions per call', status: 'open' }),
      ]);
    });

    const checkIn = await openTask(rep.api, cycleId, 'commitment-check-in');
    const commitmentId = (await summaryOf(rep, cycleId)).commitments[0]!.id;
    expect(checkIn.context).toMatchObject({ commitmentId });
    await completeTask(rep.api, checkIn, { kept: true });

    await completeTask(org.manager.api, await openTask(org.manager.api, cycleId, 'cycle-review'), {
      ratings: fixtureRatings(4),
    });
    await eventually(async () =>
      expect(await summaryOf(rep, cycleId)).toMatchObject({
        status: 'completed',
        commitments: [expect.objectContaining({ id: commitmentId, status: 'kept' })],
        escalations: [],
        executionConcern: null,
      }),
    );
    const types = await eventTypes(cycleId);
    expect(types).toEqual(expect.arrayContaining(['CommitmentKept', 'CycleReviewed', 'CycleCompleted']));
    const completedList = await org.manager.api.get<Page<CycleView>>(
      `/api/cycles?repId=${rep.user.id}&status=completed`,
    );
    expect(completedList.body.items.map((cycle) => cycle.id)).toEqual([cycleId]);
    // Nothing open is left in anyone's inbox for this cycle.
    expect((await rep.api.get<TaskList>(`/api/tasks?status=open&cycleId=${cycleId}`)).body.items).toEqual([]);
  });

  it('sends a rejected plan back to the manager, whose rejected commitments never fall due', async () => {
    const rep = await addRep(org, 'rejecting');
    const cycleId = (await startCycle(org.manager.api, rep.user.id, playbookId)).id;
    await prioritise(rep, cycleId);
    const firstSession = await openTask(org.manager.api, cycleId, 'coaching-session');
    await completeTask(org.manager.api, firstSession, {
      commitments: [{ title: 'Rejected plan', due: 'PT1S' }],
    });
    await completeTask(rep.api, await openTask(rep.api, cycleId, 'acknowledge-plan'), { accepted: false });
    const secondSession = await openTask(org.manager.api, cycleId, 'coaching-session');
    expect(secondSession.id).not.toBe(firstSession.id);
    // Past the rejected commitment's due time and grace: no check-in, no miss.
    await new Promise((resolve) => setTimeout(resolve, 3500));
    const types = await eventTypes(cycleId);
    expect(types.filter((type) => type === 'PlanAcknowledged')).toHaveLength(1);
    expect(types).not.toContain('CommitmentMissed');
    expect(
      (await rep.api.get<TaskList>(`/api/tasks?status=open&cycleId=${cycleId}`)).body.items.map(
        (t) => t.kind,
      ),
    ).not.toContain('commitment-check-in');
    const summary = await summaryOf(org.manager, cycleId);
    expect(summary.phase).toBe('facilitate');
    expect(summary.commitments).toEqual([]);
    expect(
      (await org.manager.api.post(`/api/cycles/${cycleId}/cancel`, { reason: 'test over' })).status,
    ).toBe(200);
  });

  it('keeps a commitment whose target was missed without escalating', async () => {
    const rep = await addRep(org, 'trying');
    const cycleId = (await startCycle(org.manager.api, rep.user.id, playbookId)).id;
    await prioritise(rep, cycleId);
    await agreePlan(rep, cycleId, 'PT1S');
    await completeTask(rep.api, await openTask(rep.api, cycleId, 'commitment-check-in'), {
      kept: true,
      targetMet: false,
    });
    await openTask(org.manager.api, cycleId, 'cycle-review');
    const types = await eventTypes(cycleId);
    expect(types).toContain('CommitmentKept');
    expect(types).not.toContain('CommitmentMissed');
    expect(types).not.toContain('EscalationRaised');
    const summary = await summaryOf(rep, cycleId);
    expect(summary.commitments.map((commitment) => commitment.status)).toEqual(['kept']);
    expect(summary.escalations).toEqual([]);
    expect(
      (await org.manager.api.post(`/api/cycles/${cycleId}/cancel`, { reason: 'test over' })).status,
    ).toBe(200);
  });

  it('cancels a cycle mid-plan: its tasks close and nothing happens after', async () => {
    const rep = await addRep(org, 'cancelled');
    const cycleId = (await startCycle(org.manager.api, rep.user.id, playbookId)).id;
    await prioritise(rep, cycleId);
    await agreePlan(rep, cycleId, 'PT2S');

    expect((await rep.api.post(`/api/cycles/${cycleId}/cancel`, { reason: 'mine' })).status).toBe(403);
    expect((await org.otherManager.api.post(`/api/cycles/${cycleId}/cancel`, { reason: 'x' })).status).toBe(
      403,
    );
    expect((await org.manager.api.post(`/api/cycles/${cycleId}/cancel`, {})).status).toBe(400);
    const cancelled = await org.manager.api.post<CycleView>(`/api/cycles/${cycleId}/cancel`, {
      reason: 'rep moved to another team',
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await org.manager.api.post(`/api/cycles/${cycleId}/cancel`, { reason: 'again' })).status).toBe(
      409,
    );

    // The commitment's due time passes: no check-in opens, nothing follows CycleCancelled.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const types = await eventTypes(cycleId);
    expect(types.at(-1)).toBe('CycleCancelled');
    expect(types).not.toContain('CommitmentMissed');
    await eventually(async () => {
      expect((await summaryOf(rep, cycleId)).status).toBe('cancelled');
      expect((await rep.api.get<TaskList>(`/api/tasks?status=open&cycleId=${cycleId}`)).body.items).toEqual(
        [],
      );
    });
    // The rep is free for a new cycle at once.
    const next = (await startCycle(org.manager.api, rep.user.id, playbookId)).id;
    expect((await org.manager.api.post(`/api/cycles/${next}/cancel`, { reason: 'test over' })).status).toBe(
      200,
    );
  });

  it('moves the open manager tasks to the new manager when the rep’s manager changes', async () => {
    const rep = await addRep(org, 'moving');
    const cycleId = (await startCycle(org.manager.api, rep.user.id, playbookId)).id;
    const assessment = await openTask(org.manager.api, cycleId, 'manager-assessment');

    const patched = await org.admin.api.request<UserView>('PATCH', `/api/users/${rep.user.id}`, {
      managerId: org.otherManager.user.id,
    });
    expect(patched.status).toBe(200);

    const moved = await openTask(org.otherManager.api, cycleId, 'manager-assessment');
    expect(moved.id).toBe(assessment.id);
    expect(
      (await org.manager.api.get<TaskList>(`/api/tasks?status=open&cycleId=${cycleId}`)).body.items,
    ).toEqual([]);
    // The old manager can no longer complete it; the new one can.
    expect(
      (
        await org.manager.api.post(`/api/tasks/${assessment.id}/complete`, {
          data: { ratings: fixtureRatings(2) },
        })
      ).status,
    ).toBe(403);
    await completeTask(org.otherManager.api, moved, { ratings: fixtureRatings(2) });
    await eventually(async () =>
      expect((await summaryOf(rep, cycleId)).managerId).toBe(org.otherManager.user.id),
    );
    expect(await eventTypes(cycleId)).toEqual(
      expect.arrayContaining(['CycleManagerChanged', 'TaskReassigned']),
    );
    expect(
      (await org.otherManager.api.post(`/api/cycles/${cycleId}/cancel`, { reason: 'test over' })).status,
    ).toBe(200);
  });

  it('hands a deactivated manager’s open tasks to their own manager', async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const leaving = await org.admin.api.post<UserView>('/api/users', {
      email: `leaving-${tag}@fixture.test`,
      name: 'Leaving manager',
      password: FIXTURE_PASSWORD,
      role: 'manager',
      managerId: org.leader.user.id,
    });
    expect(leaving.status).toBe(201);
    const rep = await org.admin.api.post<UserView>('/api/users', {
      email: `left-behind-${tag}@fixture.test`,
      name: 'Left behind',
      password: FIXTURE_PASSWORD,
      role: 'rep',
      managerId: leaving.body.id,
    });
    expect(rep.status).toBe(201);
    const cycleId = (await startCycle(org.admin.api, rep.body.id, playbookId)).id;
    await eventually(async () => {
      const inbox = await org.admin.api.get<TaskList>(`/api/tasks?status=open&assignee=${leaving.body.id}`);
      expect(inbox.body.items.map((task) => task.kind)).toContain('manager-assessment');
    });

    const deactivated = await org.admin.api.request('PATCH', `/api/users/${leaving.body.id}`, {
      active: false,
    });
    expect(deactivated.status).toBe(200);
    const moved = await openTask(org.leader.api, cycleId, 'manager-assessment');
    expect(moved.assigneeId).toBe(org.leader.user.id);
    expect(await eventTypes(cycleId)).toContain('TaskReassigned');
    expect((await org.admin.api.post(`/api/cycles/${cycleId}/cancel`, { reason: 'test over' })).status).toBe(
      200,
    );
  });

  it('answers 404 for tasks and notifications that are not the caller’s organisation’s', async () => {
    const stranger = await createOrganisationFixture(stack.baseUrl);
    const rep = await addRep(org, 'private');
    const cycleId = (await startCycle(org.manager.api, rep.user.id, playbookId)).id;
    const task = await openTask(rep.api, cycleId, 'self-assessment');
    expect((await stranger.admin.api.get(`/api/tasks/${task.id}`)).status).toBe(404);
    expect((await stranger.admin.api.post(`/api/tasks/${task.id}/complete`, { data: {} })).status).toBe(404);
    expect((await stranger.admin.api.post(`/api/cycles/${cycleId}/cancel`, { reason: 'x' })).status).toBe(
      404,
    );
    expect((await stranger.admin.api.get<Page<NotificationView>>('/api/notifications')).body.items).toEqual(
      [],
    );
    expect((await new ApiClient(stack.baseUrl).get('/api/tasks')).status).toBe(401);
    expect(
      (await org.manager.api.post(`/api/cycles/${cycleId}/cancel`, { reason: 'test over' })).status,
    ).toBe(200);
  });

  it('pages an inbox with a cursor', async () => {
    const all = await org.manager.api.get<TaskList>('/api/tasks?limit=200');
    expect(all.body.items.length).toBeGreaterThan(2);
    const first = await org.manager.api.get<TaskList>('/api/tasks?limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await org.manager.api.get<TaskList>(
      `/api/tasks?limit=2&cursor=${first.body.nextCursor ?? ''}`,
    );
    expect(second.body.items.map((task) => task.id)).toEqual(
      all.body.items.slice(2, 4).map((task) => task.id),
    );
    expect((await org.manager.api.get('/api/tasks?limit=0')).status).toBe(400);
    expect((await org.manager.api.get('/api/tasks?status=done')).status).toBe(400);
  });

  it('projected every event without a failed batch', () => {
    expect(stack.workerLog.text()).toContain('projections running');
    expect(stack.workerLog.text()).not.toMatch(/projection \S+ failed a batch/);
  });
});
