import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type {
  CycleEventView,
  CycleView,
  NotificationView,
  Page,
  TaskList,
  TaskView,
} from '@coachflow/contracts';
import {
  type AppStack,
  completeTask,
  createOrganisationFixture,
  createPlaybookFixture,
  eventually,
  fixtureRatings,
  type FixtureUser,
  type OrganisationFixture,
  openTask,
  startAppStack,
  startCycle,
} from '@coachflow/testing';

/**
 * Follow-ups and escalations over HTTP: a commitment nobody checks in on is missed, escalates to the
 * manager and then the leader, and is resolved from the inbox; notifications tell each assignee.
 */
describe('coaching cycle escalations through the inbox', () => {
  let stack: AppStack;
  let org: OrganisationFixture;

  beforeAll(async () => {
    stack = await startAppStack();
    org = await createOrganisationFixture(stack.baseUrl);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const summaryOf = async (user: FixtureUser, cycleId: string) =>
    (await user.api.get<CycleView>(`/api/cycles/${cycleId}`)).body;
  const events = async (cycleId: string) =>
    (await org.manager.api.get<{ items: CycleEventView[] }>(`/api/cycles/${cycleId}/events`)).body.items;
  const notifications = async (user: FixtureUser) =>
    (await user.api.get<Page<NotificationView>>('/api/notifications')).body.items;

  it('escalates missed check-ins to the manager then the leader; resolves by drop and by recommit', async () => {
    const playbookId = await createPlaybookFixture(org.admin.api, {
      timings: { checkInGrace: 'PT1S', escalateAfter: 'PT3S', planLength: 'PT30S' },
    });
    const rep = org.rep;
    const cycleId = (await startCycle(org.manager.api, rep.user.id, playbookId)).id;

    await completeTask(rep.api, await openTask(rep.api, cycleId, 'self-assessment'), {
      ratings: fixtureRatings(3),
    });
    await completeTask(org.manager.api, await openTask(org.manager.api, cycleId, 'manager-assessment'), {
      ratings: fixtureRatings(2),
    });
    await completeTask(org.manager.api, await openTask(org.manager.api, cycleId, 'set-priorities'), {
      focusAreas: ['discovery', 'closing'],
      diagnosis: 'will',
      style: 'directing',
    });
    await completeTask(org.manager.api, await openTask(org.manager.api, cycleId, 'coaching-session'), {
      commitments: [
        { title: 'Dropped after escalation', due: 'PT1S' },
        { title: 'Recommitted after escalation', due: 'PT1S' },
      ],
    });
    await completeTask(rep.api, await openTask(rep.api, cycleId, 'acknowledge-plan'), { accepted: true });
    const commitments = await eventually(async () => {
      const summary = await summaryOf(rep, cycleId);
      expect(summary.commitments).toHaveLength(2);
      return summary.commitments;
    });
    const dropped = commitments.find((c) => c.title.startsWith('Dropped'))!;
    const recommitted = commitments.find((c) => c.title.startsWith('Recommitted'))!;

    // Nobody checks in: both are missed (no-check-in) and escalate to the manager, each with a notification.
    const managerTasks = await eventually(async () => {
      const inbox = await org.manager.api.get<TaskList>(`/api/tasks?status=open&cycleId=${cycleId}`);
      const escalations = inbox.body.items.filter((task) => task.kind === 'resolve-escalation');
      expect(escalations).toHaveLength(2);
      return escalations;
    });
    for (const task of managerTasks) expect(task.context).toMatchObject({ level: 1 });
    const missed = (await events(cycleId)).filter((event) => event.type === 'CommitmentMissed');
    expect(missed.map((event) => event.data['reason'])).toEqual(['no-check-in', 'no-check-in']);
    await eventually(async () =>
      expect((await notifications(org.manager)).filter((n) => n.kind === 'escalation')).toHaveLength(2),
    );
    // Two missed commitments in one cycle: an execution concern on the summary.
    await eventually(async () =>
      expect((await summaryOf(org.manager, cycleId)).executionConcern?.missedCommitmentIds).toEqual(
        expect.arrayContaining([dropped.id, recommitted.id]),
      ),
    );

    // The manager recommits one at level 1: a new due time, a new check-in, kept.
    const recommitTask = managerTasks.find((task) => task.context['commitmentId'] === recommitted.id)!;
    await completeTask(org.manager.api, recommitTask, { action: 'recommit', due: 'PT1S' });
    const secondCheckIn = await openTask(
      rep.api,
      cycleId,
      'commitment-check-in',
      (task) => task.context['commitmentId'] === recommitted.id,
    );
    await completeTask(rep.api, secondCheckIn, { kept: true });

    // The other sits unresolved past escalateAfter: it climbs to the leader, who drops it.
    const leaderTask = await openTask(
      org.leader.api,
      cycleId,
      'resolve-escalation',
      (task) => task.context['commitmentId'] === dropped.id,
    );
    expect(leaderTask.context).toMatchObject({ level: 2 });
    await eventually(async () =>
      expect((await notifications(org.leader)).map((n) => [n.kind, n.taskId])).toContainEqual([
        'escalation',
        leaderTask.id,
      ]),
    );
    await completeTask(org.leader.api, leaderTask, { action: 'drop' });

    await eventually(async () => {
      const summary = await summaryOf(org.manager, cycleId);
      expect(Object.fromEntries(summary.commitments.map((c) => [c.id, c.status]))).toEqual({
        [dropped.id]: 'dropped',
        [recommitted.id]: 'kept',
      });
      expect(summary.escalations.filter((e) => e.level === 2)).toEqual([
        expect.objectContaining({ assigneeId: org.leader.user.id, commitmentId: dropped.id }),
      ]);
      for (const escalation of summary.escalations) expect(escalation.resolvedAt).toEqual(expect.any(String));
      // Resolving closed the manager's level-1 task of that escalation too.
      const open = await org.manager.api.get<TaskList>(`/api/tasks?status=open&cycleId=${cycleId}`);
      expect(open.body.items.filter((task) => task.kind === 'resolve-escalation')).toEqual([]);
    });
    expect((await events(cycleId)).filter((e) => e.type === 'EscalationResolved')).toHaveLength(2);
    expect(
      (await org.manager.api.post(`/api/cycles/${cycleId}/cancel`, { reason: 'test over' })).status,
    ).toBe(200);
  });

  it('notifies the assignee of an overdue task once, and marks it read', async () => {
    const playbookId = await createPlaybookFixture(org.admin.api, { timings: { prioritiseDue: 'PT1S' } });
    const rep = org.otherRep;
    const cycleId = (await startCycle(org.manager.api, rep.user.id, playbookId)).id;
    const task = await openTask(rep.api, cycleId, 'self-assessment');

    const overdue = await eventually(async () => {
      const mine = (await notifications(rep)).filter(
        (n) => n.kind === 'task-overdue' && n.taskId === task.id,
      );
      expect(mine).toHaveLength(1);
      return mine[0]!;
    });
    expect(overdue.cycleId).toBe(cycleId);
    expect(overdue.readAt).toBeUndefined();
    expect((await rep.api.get<TaskView>(`/api/tasks/${task.id}`)).body).toMatchObject({
      overdueAt: expect.any(String),
    });
    // Someone else cannot read it or mark it read.
    expect((await org.manager.api.post(`/api/notifications/${overdue.id}/read`)).status).toBe(404);
    const read = await rep.api.post<NotificationView>(`/api/notifications/${overdue.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    const unread = await rep.api.get<Page<NotificationView>>('/api/notifications?unread=true');
    expect(unread.body.items.map((n) => n.id)).not.toContain(overdue.id);
    // A rebuild of the projection (`npm run projections:rebuild`) recreates the notification; it stays read.
    await promisify(execFile)(
      process.execPath,
      [join(__dirname, '../../apps/worker/dist/cli/rebuild-projection.js'), 'notifications'],
      { env: stack.env },
    );
    const rebuilt = (await notifications(rep)).find((n) => n.id === overdue.id);
    expect(rebuilt?.readAt).toBe(read.body.readAt);
    // Still overdue a while later: no second notification.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await notifications(rep)).filter((n) => n.taskId === task.id)).toHaveLength(1);
    expect(
      (await org.manager.api.post(`/api/cycles/${cycleId}/cancel`, { reason: 'test over' })).status,
    ).toBe(200);
  });

  it('projected every event without a failed batch', () => {
    expect(stack.workerLog.text()).toContain('projections running');
    expect(stack.workerLog.text()).not.toMatch(/projection \S+ failed a batch/);
  });
});
