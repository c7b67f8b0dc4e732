import type { CycleEventView, UserView } from '@coachflow/contracts';
import {
  type AppStack,
  completeTask,
  createOrganisationFixture,
  createPlaybookFixture,
  fixtureRatings,
  LiveStreamClient,
  type OrganisationFixture,
  openTask,
  type RunningApi,
  startApiProcess,
  startAppStack,
  startCycle,
} from '@coachflow/testing';

/**
 * `GET /api/stream` on two API processes (each LISTENs on its own): what concerns a user reaches the
 * user's streams on either process within a second of being recorded, nothing reaches anyone else, and a
 * stream resumes after its Last-Event-ID.
 */
describe('live updates over server-sent events', () => {
  let stack: AppStack;
  let second: RunningApi;
  let org: OrganisationFixture;
  let otherOrg: OrganisationFixture;
  const streams: LiveStreamClient[] = [];

  const tokenOf = (user: { api: { token?: string } }) => user.api.token!;
  const open = async (baseUrl: string, token: string | undefined, lastEventId?: string) => {
    const stream = await LiveStreamClient.open(baseUrl, token, lastEventId);
    streams.push(stream);
    return stream;
  };

  beforeAll(async () => {
    stack = await startAppStack({ STREAM_HEARTBEAT_SECONDS: '1' });
    second = await startApiProcess(stack.env);
    [org, otherOrg] = await Promise.all([
      createOrganisationFixture(stack.baseUrl),
      createOrganisationFixture(stack.baseUrl),
    ]);
  });

  afterAll(async () => {
    for (const stream of streams) stream.close();
    await second?.process.stop();
    await stack?.stop();
  });

  it('refuses a caller without a token and a Last-Event-ID that is not a position', async () => {
    expect((await open(stack.baseUrl, undefined)).status).toBe(401);
    const bad = await fetch(`${stack.baseUrl}/api/stream`, {
      headers: { authorization: `Bearer ${tokenOf(org.rep)}`, 'last-event-id': '12; DROP' },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
  });

  it('sends heartbeats and security headers', async () => {
    const response = await fetch(`${stack.baseUrl}/api/stream`, {
      headers: { authorization: `Bearer ${tokenOf(org.leader)}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    await response.body?.cancel();
    const stream = await open(stack.baseUrl, tokenOf(org.leader));
    await expect(waitForComment(stream, 'heartbeat', 5000)).resolves.toBeUndefined();
  });

  it('brings a new task to its assignee within a second, removes it when completed elsewhere, tells nobody else', async () => {
    const repOnFirst = await open(stack.baseUrl, tokenOf(org.rep));
    const repOnSecond = await open(second.baseUrl, tokenOf(org.rep));
    const manager = await open(second.baseUrl, tokenOf(org.manager));
    const otherRep = await open(stack.baseUrl, tokenOf(org.otherRep));
    const otherTenant = await open(second.baseUrl, tokenOf(otherOrg.rep));
    const otherTenantManager = await open(stack.baseUrl, tokenOf(otherOrg.manager));

    const playbookId = await createPlaybookFixture(org.admin.api);
    const cycleId = (await startCycle(org.manager.api, org.rep.user.id, playbookId)).id;
    const task = await openTask(org.rep.api, cycleId, 'self-assessment');

    // Both of the rep's streams (one per API process) hear of the task; within 1 s of its event's recording.
    const isOpened = (m: { event: string; data: { type: string; taskId?: string } }) =>
      m.event === 'task' && m.data.type === 'TaskOpened' && m.data.taskId === task.id;
    const [onFirst, onSecond] = await Promise.all([repOnFirst.next(isOpened), repOnSecond.next(isOpened)]);
    // The message carries the inbox row (the task's summary), so an open inbox needs no refetch to show it.
    expect(onFirst.data).toEqual({
      type: 'TaskOpened',
      cycleId,
      taskId: task.id,
      task: {
        id: task.id,
        cycleId,
        repId: org.rep.user.id,
        kind: 'self-assessment',
        assigneeId: org.rep.user.id,
        dueAt: task.dueAt,
        status: 'open',
        openedAt: task.openedAt,
      },
    });
    expect(onSecond.id).toBe(onFirst.id);
    const events = (await org.manager.api.get<{ items: CycleEventView[] }>(`/api/cycles/${cycleId}/events`))
      .body.items;
    const opened = events.find((event) => event.type === 'TaskOpened' && event.data['taskId'] === task.id)!;
    expect(onFirst.id).toBe(String(opened.position));
    for (const message of [onFirst, onSecond])
      expect(message.receivedAt - Date.parse(opened.recordedAt)).toBeLessThan(1000);

    // The manager hears of the cycle (its own cycle messages), not of the rep's task.
    await manager.next(
      (m) => m.event === 'cycle' && m.data.cycleId === cycleId && m.data.type === 'CycleStarted',
    );

    // Completed "in another tab" (a plain API call): every open stream of the rep gets the message removing it.
    await completeTask(org.rep.api, task, { ratings: fixtureRatings(3) });
    const isCompleted = (m: { event: string; data: { type: string; taskId?: string } }) =>
      m.event === 'task' && m.data.type === 'TaskCompleted' && m.data.taskId === task.id;
    const completions = await Promise.all([repOnFirst.next(isCompleted), repOnSecond.next(isCompleted)]);
    for (const completion of completions)
      expect(completion.data.task).toMatchObject({ id: task.id, status: 'completed' });
    // The manager's assessment opens after it: that one is the manager's.
    await manager.next(
      (m) => m.event === 'task' && m.data.type === 'TaskOpened' && m.data.cycleId === cycleId,
    );

    // Resuming after the TaskOpened message replays what came after it, for this user only.
    const resumed = await open(second.baseUrl, tokenOf(org.rep), onFirst.id);
    const replayed = await resumed.next(isCompleted);
    expect(Number(replayed.id)).toBeGreaterThan(Number(onFirst.id));
    expect(resumed.messages.every((m) => Number(m.id) > Number(onFirst.id))).toBe(true);
    expect(resumed.messages.some(isOpened)).toBe(false);

    // Another rep of the same organisation and everyone in another organisation heard nothing.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(otherRep.messages).toEqual([]);
    expect(otherTenant.messages).toEqual([]);
    expect(otherTenantManager.messages).toEqual([]);
    expect(manager.messages.filter((m) => m.data.taskId === task.id)).toEqual([]);
  });

  it('tells a reassigned task’s previous assignee without the task, and its new assignee with it', async () => {
    const previous = await open(stack.baseUrl, tokenOf(org.manager));
    const next = await open(second.baseUrl, tokenOf(org.otherManager));
    const playbookId = await createPlaybookFixture(org.admin.api);
    const cycleId = (await startCycle(org.manager.api, org.otherRep.user.id, playbookId)).id;
    const assessment = await openTask(org.manager.api, cycleId, 'manager-assessment');

    // The rep moves to the other manager: the open manager assessment follows (TaskReassigned).
    const moved = await org.admin.api.request<UserView>('PATCH', `/api/users/${org.otherRep.user.id}`, {
      managerId: org.otherManager.user.id,
    });
    expect(moved.status).toBe(200);

    const isReassigned = (m: { event: string; data: { type: string; taskId?: string } }) =>
      m.event === 'task' && m.data.type === 'TaskReassigned' && m.data.taskId === assessment.id;
    const [toPrevious, toNext] = await Promise.all([previous.next(isReassigned), next.next(isReassigned)]);
    // The previous assignee's inbox drops the row: the message says which task, not what it is.
    expect(toPrevious.data).toEqual({ type: 'TaskReassigned', cycleId, taskId: assessment.id });
    expect(toPrevious.data).not.toHaveProperty('task');
    // The new assignee's inbox gains the row from the message alone.
    expect(toNext.data).toEqual({
      type: 'TaskReassigned',
      cycleId,
      taskId: assessment.id,
      task: {
        id: assessment.id,
        cycleId,
        repId: org.otherRep.user.id,
        kind: 'manager-assessment',
        assigneeId: org.otherManager.user.id,
        dueAt: assessment.dueAt,
        status: 'open',
        openedAt: assessment.openedAt,
      },
    });
    expect(toNext.id).toBe(toPrevious.id);
    expect(
      (await org.otherManager.api.post(`/api/cycles/${cycleId}/cancel`, { reason: 'test over' })).status,
    ).toBe(200);
  });

  it('ends the stream when its session ends', async () => {
    const stream = await open(stack.baseUrl, tokenOf(org.otherManager));
    expect(stream.status).toBe(200);
    expect((await org.otherManager.api.post('/api/auth/logout')).status).toBeLessThan(300);
    await waitUntilEnded(stream, 5000);
  });
});

function waitForComment(stream: LiveStreamClient, comment: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const poll = (): void => {
      if (stream.comments.includes(comment)) resolve();
      else if (Date.now() > deadline)
        reject(new Error(`no "${comment}" comment; got ${stream.comments.join()}`));
      else setTimeout(poll, 50);
    };
    poll();
  });
}

async function waitUntilEnded(stream: LiveStreamClient, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!stream.isEnded) {
    if (Date.now() > deadline) throw new Error('the stream is still open');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
