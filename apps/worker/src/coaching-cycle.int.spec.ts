import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { insertCycleRow } from '@coachflow/database';
import { CycleRuleCode, cycleStreamId, cycleWorkflowId } from '@coachflow/domain';
import { PostgresEventStore } from '@coachflow/event-store';
import { ConfigurationRecordCache, pinCycleConfiguration } from '@coachflow/configuration';
import { eventually, integrationEnv } from '@coachflow/testing';
import {
  cancelCycleUpdate,
  changeManagerUpdate,
  completeTaskUpdate,
  cycleStateQuery,
} from '@coachflow/workflows';
import { Client, Connection, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { Pool } from 'pg';
import { createCoachingCycleActivities } from './activities/coaching-cycle.activities';
import { createWorker } from './create-worker';
import {
  configuration,
  CycleDriver,
  expectSoundStream,
  insertPeople,
  publishPlaybook,
  RATINGS,
} from './testing/cycle-test-kit';

// Set RECORD_HISTORIES=1 to write the happy path's and the escalation's histories for the replay test.
const HISTORIES_DIR = join(__dirname, '../../../workflows/test/histories');
const RECORD = process.env['RECORD_HISTORIES'] === '1';

describe('coachingCycle workflow on a real dev server and Postgres', () => {
  const env = integrationEnv();
  const taskQueue = `it-worker-${randomUUID()}`;
  let pool: Pool;
  let eventStore: PostgresEventStore;
  let nativeConnection: NativeConnection;
  let connection: Connection;
  let client: Client;
  let worker: Worker;
  let running: Promise<void>;

  beforeAll(async () => {
    pool = new Pool({ connectionString: env.databaseUrl });
    eventStore = new PostgresEventStore(pool);
    nativeConnection = await NativeConnection.connect({ address: env.temporalAddress });
    connection = await Connection.connect({ address: env.temporalAddress });
    client = new Client({ connection });
    worker = await createWorker({
      connection: nativeConnection,
      namespace: 'default',
      taskQueue,
      eventStore,
      pool,
      workflows: { workflowBundle: { codePath: env.workflowBundlePath } },
    });
    running = worker.run();
  });

  afterAll(async () => {
    worker.shutdown();
    await running;
    await nativeConnection.close();
    await connection.close();
    await pool.end();
  });

  const start = async (...args: Parameters<typeof configuration>) => {
    const people = await insertPeople(pool);
    return {
      people,
      cycle: await CycleDriver.start(client, eventStore, taskQueue, people, configuration(...args)),
    };
  };

  /** A cycle on a published playbook that renews automatically, pinned as the API pins it. */
  const startRenewing = async () => {
    const people = await insertPeople(pool);
    const playbookId = await publishPlaybook(eventStore, people.organisationId, { autoRenew: true });
    const pinned = await pinCycleConfiguration(
      { configurations: new ConfigurationRecordCache(eventStore) },
      people.organisationId,
      playbookId,
    );
    return {
      people,
      playbookId,
      cycle: await CycleDriver.start(client, eventStore, taskQueue, people, pinned),
    };
  };

  const rejection = async (promise: Promise<unknown>): Promise<ApplicationFailure> => {
    const error = await promise.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (error as WorkflowUpdateFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    return cause as ApplicationFailure;
  };

  const record = async (name: string, cycle: CycleDriver, runId?: string) => {
    if (!RECORD) return;
    const history = await client.workflow.getHandle(cycle.handle.workflowId, runId).fetchHistory();
    await mkdir(HISTORIES_DIR, { recursive: true });
    await writeFile(join(HISTORIES_DIR, `${name}.json`), JSON.stringify(history, null, 2) + '\n');
  };

  it('runs the happy path to CycleCompleted with the score change; a kept commitment that missed its target escalates nothing', async () => {
    // Deadlines at least a second apart: the recorded history shows no timer shorter than the server keeps.
    const { people, cycle } = await start({ planLength: 'PT4S' });
    const reserved = await insertCycleRow(pool, {
      id: cycle.input.cycleId,
      organisationId: people.organisationId,
      repId: people.repId,
      managerId: people.managerId,
      playbookId: cycle.input.configuration.playbook.id,
      playbookVersion: 1,
      workflowId: cycle.handle.workflowId,
    });
    expect(reserved).toBe(true);
    await cycle.event('CycleStarted');
    const priorities = await cycle
      .complete('self-assessment', { ratings: { questions: 4, value: 3, trust: 3 } })
      .then(async () => {
        await cycle.complete('manager-assessment', { ratings: RATINGS });
        return cycle.task('set-priorities');
      });
    expect(priorities.assigneeId).toBe(people.managerId);
    expect((priorities.context['gaps'] as { competencyKey: string }[])[0]!.competencyKey).toBe('value');
    await cycle.complete('set-priorities', { focusAreas: ['value'], diagnosis: 'skill', style: 'coaching' });
    await cycle.complete('coaching-session', {
      commitments: [{ title: 'Ten calls a week', measure: 'calls logged', due: 'PT2S' }],
    });
    await cycle.complete('acknowledge-plan', { accepted: true });
    expect(await cycle.handle.query(cycleStateQuery)).toMatchObject({ phase: 'improve', status: 'running' });
    await eventually(async () => {
      const listed: string[] = [];
      for await (const execution of client.workflow.list({
        query: `CoachingPhase='improve' AND WorkflowId='${cycle.handle.workflowId}'`,
      }))
        listed.push(execution.workflowId);
      expect(listed).toEqual([cycle.handle.workflowId]);
    });

    const checkIn = await cycle.task('commitment-check-in');
    expect(checkIn.assigneeId).toBe(people.repId);
    expect(checkIn.context).toMatchObject({ title: 'Ten calls a week' });
    await cycle.complete('commitment-check-in', { kept: true, targetMet: false });
    await cycle.complete('cycle-review', { ratings: { value: 4 } });

    const completed = await cycle.event('CycleCompleted');
    expect(completed.data).toMatchObject({
      scoreChanges: [{ competencyKey: 'value', before: 2, after: 4, change: 2 }],
      commitments: { open: 0, kept: 1, missed: 0, dropped: 0 },
    });
    const events = await cycle.events();
    expectSoundStream(events, cycle.input.cycleId);
    expect(events.map((event) => event.type)).not.toContain('EscalationRaised');
    expect(events.find((event) => event.type === 'CommitmentKept')?.data).toMatchObject({ targetMet: false });
    await cycle.handle.result();
    const registry = await pool.query(`SELECT phase, status FROM cycles WHERE id = $1`, [
      cycle.input.cycleId,
    ]);
    expect(registry.rows[0]).toEqual({ phase: 'improve', status: 'completed' });
    await record('happy-path', cycle);
  });

  it('escalates a commitment nobody checked in on from manager to leader, resolves it by drop, and another by recommit', async () => {
    // Due together, one checked in at once (not kept): the silent one expires 3 s later, the honest one climbs
    // 5 s after its check-in, the silent one 5 s after it expired; the plan ends once both are settled. Every
    // deadline is over a second after the one before, so the recorded history shows no timer shorter than
    // the server keeps, and a grace longer than the chain's read-ahead.
    const { people, cycle } = await start(
      { checkInGrace: 'PT3S', escalateAfter: 'PT5S', planLength: 'PT15S' },
      {},
    );
    await cycle.toAcceptedPlan([
      { title: 'Silent', due: 'PT2S' },
      { title: 'Honest', due: 'PT2S' },
    ]);
    const honestCheckIn = await cycle.task(
      'commitment-check-in',
      (task) => task.context['title'] === 'Honest',
    );
    await cycle.handle.executeUpdate(completeTaskUpdate, {
      args: [{ taskId: honestCheckIn.taskId, userId: people.repId, data: { kept: false } }],
    });

    // The silent one: no check-in within the grace period, level 1 (manager), then level 2 (leader).
    const leaderTask = await cycle.task(
      'resolve-escalation',
      (task) => task.assigneeId === people.leaderId && task.context['title'] === 'Silent',
    );
    const events = await cycle.events();
    const missed = events
      .filter((event) => event.type === 'CommitmentMissed')
      .map((event) => event.data['reason']);
    expect(missed.sort()).toEqual(['no-check-in', 'not-kept']);
    expect(events.map((event) => event.type)).toContain('ExecutionConcernRaised');
    const raised = events
      .filter((event) => event.type === 'EscalationRaised')
      .map((event) => [event.data['level'], event.data['assigneeId']]);
    expect(raised).toEqual(
      expect.arrayContaining([
        [1, people.managerId],
        [1, people.managerId],
        [2, people.leaderId],
      ]),
    );
    const overdue = events.filter((event) => event.type === 'TaskOverdue');
    expect(new Set(overdue.map((event) => event.data['taskId'])).size).toBe(overdue.length);

    await cycle.handle.executeUpdate(completeTaskUpdate, {
      args: [{ taskId: leaderTask.taskId, userId: people.leaderId, data: { action: 'drop' } }],
    });
    const dropped = await cycle.event('EscalationResolved');
    expect(dropped.data).toMatchObject({ action: 'drop', resolvedBy: people.leaderId });

    // The honest one: recommitting (at whatever level it has reached) starts a new timer and check-in.
    const honestEscalation = await cycle.task(
      'resolve-escalation',
      (task) => task.context['title'] === 'Honest',
    );
    await cycle.handle.executeUpdate(completeTaskUpdate, {
      args: [
        {
          taskId: honestEscalation.taskId,
          userId: honestEscalation.assigneeId,
          data: { action: 'recommit', due: 'PT2S' },
        },
      ],
    });
    const secondCheckIn = await cycle.task(
      'commitment-check-in',
      (task) => task.context['title'] === 'Honest',
    );
    expect(secondCheckIn.taskId).not.toBe(honestCheckIn.taskId);
    const state = await cycle.state();
    expect(Object.values(state.tasks).filter((task) => task.kind === 'resolve-escalation')).toEqual([]);
    await cycle.complete('commitment-check-in', { kept: true });
    await cycle.complete('cycle-review', { ratings: { value: 3 } });
    const completed = await cycle.event('CycleCompleted');
    expect(completed.data['commitments']).toEqual({ open: 0, kept: 1, missed: 0, dropped: 1 });
    expectSoundStream(await cycle.events(), cycle.input.cycleId);
    // Patches chain-ahead and deadline-last-step: a wake-up before the deadline starts reading the reporting
    // chain (an ordinary activity) and the deadline's own timer, in a task with no local activity; when that
    // fires, the escalation is recorded with no read of Postgres before it.
    expect((await cycle.timersAndActivities()).join(' ')).toContain(
      'timer-fired activity:reportingChain timer-started timer-fired local:recordCycleEvents',
    );
    await record('escalation', cycle);
  });

  it('with observation on, opens the observation after the priorities and the coaching session only once it is recorded', async () => {
    const { people, cycle } = await start({}, { observation: true });
    await cycle.complete('self-assessment', { ratings: { questions: 4, value: 3, trust: 3 } });
    await cycle.complete('manager-assessment', { ratings: RATINGS });
    const prioritised = await cycle.complete('set-priorities', {
      focusAreas: ['value'],
      diagnosis: 'skill',
      style: 'coaching',
    });
    const observation = await cycle.task('observation');
    expect(observation).toMatchObject({ assigneeId: people.managerId, context: { round: 1 } });
    const beforeObservation = await cycle.events();
    const prioritiesAt = beforeObservation.findIndex(
      (event) => event.type === 'TaskCompleted' && event.data['taskId'] === prioritised.taskId,
    );
    expect(beforeObservation.slice(prioritiesAt).map((event) => event.type)).toEqual([
      'TaskCompleted',
      'PrioritiesSet',
      'TaskOpened',
    ]);
    // No coaching session before the observation: it is the manager's only open task.
    expect(Object.values((await cycle.state()).tasks).map((task) => task.kind)).toEqual(['observation']);

    const notes = { notes: 'Asked two open questions, then pitched too early' };
    await cycle.handle.executeUpdate(completeTaskUpdate, {
      args: [{ taskId: observation.taskId, userId: people.managerId, data: notes }],
    });
    const recorded = (await cycle.events()).slice(beforeObservation.length);
    expect(recorded.map((event) => event.type)).toEqual([
      'TaskCompleted',
      'ObservationRecorded',
      'TaskOpened',
    ]);
    expect(recorded[0]!.data).toMatchObject({ taskId: observation.taskId, kind: 'observation' });
    expect(recorded[1]!.data).toMatchObject({
      taskId: observation.taskId,
      by: people.managerId,
      data: notes,
    });
    expect(recorded[2]!.data).toMatchObject({ kind: 'coaching-session' });
    const session = await cycle.task('coaching-session');
    // The session keeps the observation's due time: observing does not buy the manager extra time.
    expect(session).toMatchObject({
      assigneeId: people.managerId,
      dueAt: observation.dueAt,
      context: { round: 1 },
    });
    expect(Object.values((await cycle.state()).tasks).map((task) => task.kind)).toEqual(['coaching-session']);
    await cycle.handle.executeUpdate(cancelCycleUpdate, {
      args: [{ reason: 'test over', by: people.adminId }],
    });
    expectSoundStream(await cycle.events(), cycle.input.cycleId);
  });

  it('hands the manager a follow-up every followUpEvery while the plan runs, none after it; the review supersedes the last', async () => {
    const every = 2_000;
    const { people, cycle } = await start({ planLength: 'PT7S', followUpEvery: 'PT2S' });
    await cycle.toAcceptedPlan([{ title: 'Early one', due: 'PT1S' }]);
    const accepted = (await cycle.event('PlanAcknowledged')).data;
    await cycle.complete('commitment-check-in', { kept: true });

    const first = await cycle.task('follow-up');
    const planEndsAt = String(first.context['planEndsAt']);
    expect(first.assigneeId).toBe(people.managerId);
    expect(Date.parse(planEndsAt) - Date.parse(String(accepted['at']))).toBe(7_000);
    expect(Date.parse(first.openedAt) - Date.parse(String(accepted['at']))).toBeGreaterThanOrEqual(every);
    expect(Date.parse(first.dueAt) - Date.parse(first.openedAt)).toBe(every);
    // Completing a follow-up records only its completion: no domain event, nothing opened in its place.
    await cycle.handle.executeUpdate(completeTaskUpdate, {
      args: [{ taskId: first.taskId, userId: people.managerId, data: { notes: 'On track' } }],
    });
    const afterFirst = await cycle.events();
    const completedAt = afterFirst.findIndex(
      (event) => event.type === 'TaskCompleted' && event.data['taskId'] === first.taskId,
    );
    expect(afterFirst[completedAt]!.data).toMatchObject({ kind: 'follow-up', completedBy: people.managerId });

    const review = await cycle.task('cycle-review', () => true, 15_000);
    expect(Date.parse(review.openedAt)).toBeGreaterThanOrEqual(Date.parse(planEndsAt));
    const atReview = await cycle.events();
    // Past another interval with the review open: the plan is over, no follow-up comes.
    await new Promise((resolve) => setTimeout(resolve, every + 500));
    expect(await cycle.events()).toHaveLength(atReview.length);

    const reviewOpenedAt = atReview.findIndex(
      (event) => event.type === 'TaskOpened' && event.data['taskId'] === review.taskId,
    );
    const followUps = atReview.filter(
      (event) => event.type === 'TaskOpened' && event.data['kind'] === 'follow-up',
    );
    expect(followUps.length).toBeGreaterThanOrEqual(2);
    // What follows the first one's completion is the next follow-up, opened by its own timer.
    expect(atReview[completedAt + 1]).toBe(followUps[1]);
    expect(atReview.findIndex((event) => event === followUps.at(-1))).toBeLessThan(reviewOpenedAt);
    const openedAt = followUps.map((event) => Date.parse(String(event.data['openedAt'])));
    // Each one `every` after the last (a timer fires a little late, never early), all before the plan ends,
    // and the next one would have fallen after it.
    for (let index = 1; index < openedAt.length; index++) {
      expect(openedAt[index]! - openedAt[index - 1]!).toBeGreaterThanOrEqual(every);
      expect(openedAt[index]! - openedAt[index - 1]!).toBeLessThan(every + 1_500);
    }
    expect(openedAt.every((time) => time < Date.parse(planEndsAt))).toBe(true);
    expect(openedAt.at(-1)! + every).toBeGreaterThanOrEqual(Date.parse(planEndsAt));
    for (const followUp of followUps)
      expect(followUp.data).toMatchObject({ assigneeId: people.managerId, context: { planEndsAt } });

    // Every follow-up left unanswered is closed as superseded by the one that replaces it, or by the review,
    // in the same decision, before it could turn overdue.
    for (const followUp of followUps.slice(1)) {
      const taskId = followUp.data['taskId'];
      const closedAt = atReview.findIndex(
        (event) => event.type === 'TaskClosed' && event.data['taskId'] === taskId,
      );
      expect(atReview[closedAt]!.data).toMatchObject({ reason: 'superseded' });
      const replacement = atReview[closedAt + 1]!;
      expect(replacement.type).toBe('TaskOpened');
      expect(['follow-up', 'cycle-review']).toContain(replacement.data['kind']);
    }
    expect(atReview[reviewOpenedAt - 1]).toMatchObject({
      type: 'TaskClosed',
      data: { taskId: followUps.at(-1)!.data['taskId'], reason: 'superseded' },
    });
    expect(
      atReview.filter(
        (event) =>
          event.type === 'TaskOverdue' &&
          followUps.some((followUp) => followUp.data['taskId'] === event.data['taskId']),
      ),
    ).toEqual([]);
    expect(Object.values((await cycle.state()).tasks).map((task) => task.kind)).toEqual(['cycle-review']);

    // Nothing is left for the review to supersede.
    await cycle.complete('cycle-review', { ratings: { value: 4 } });
    await cycle.handle.result();
    const events = await cycle.events();
    expect(events.slice(atReview.length).map((event) => event.type)).toEqual([
      'TaskCompleted',
      'CycleReviewed',
      'CycleCompleted',
    ]);
    expectSoundStream(events, cycle.input.cycleId);
  });

  it('sends a rejected plan back to the manager; its commitments never fall due; cancel mid-plan closes every task and ends it', async () => {
    const { people, cycle } = await start();
    await cycle.complete('self-assessment', { ratings: RATINGS });
    await cycle.complete('manager-assessment', { ratings: RATINGS });
    await cycle.complete('set-priorities', {
      focusAreas: ['value', 'trust'],
      diagnosis: 'will',
      style: 'directing',
    });
    await cycle.complete('coaching-session', { commitments: [{ title: 'Too much', due: 'PT1S' }] });
    await cycle.complete('acknowledge-plan', { accepted: false });
    const second = await cycle.task('coaching-session');
    expect(second.context).toMatchObject({ round: 2 });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await cycle.types()).not.toContain('CommitmentMissed');
    expect((await cycle.types()).filter((type) => type === 'TaskOpened')).toHaveLength(6);

    await cycle.complete('coaching-session', { commitments: [{ title: 'Smaller', due: 'PT2S' }] });
    await cycle.complete('acknowledge-plan', { accepted: true });
    await cycle.handle.executeUpdate(cancelCycleUpdate, {
      args: [{ reason: 'rep moved team', by: people.managerId }],
    });
    await cycle.handle.result();
    const afterCancel = await cycle.events();
    expect(afterCancel.at(-1)?.type).toBe('CycleCancelled');
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await cycle.events()).toHaveLength(afterCancel.length);
    expect(afterCancel.map((event) => event.type)).not.toContain('EscalationRaised');
    expect(Object.keys((await cycle.state()).tasks)).toEqual([]);
    expect(await cycle.handle.query(cycleStateQuery)).toMatchObject({ status: 'cancelled', openTaskIds: [] });
    // A closed workflow takes no updates at all (the API answers 409 for it).
    await expect(
      cycle.handle.executeUpdate(cancelCycleUpdate, { args: [{ reason: 'again', by: people.managerId }] }),
    ).rejects.toThrow();
  });

  it('refuses someone else’s task, a task twice, too many focus areas and bad data before anything enters history; moves manager tasks to a new manager', async () => {
    const { people, cycle } = await start({ prioritiseDue: 'PT2S' });
    const self = await cycle.task('self-assessment');
    const historyBefore = await cycle.handle.fetchHistory();
    const accepted = (history: typeof historyBefore) =>
      (history.events ?? []).filter((event) => event.workflowExecutionUpdateAcceptedEventAttributes).length;
    const versionBefore = (await cycle.events()).length;

    const notAssignee = await rejection(
      cycle.handle.executeUpdate(completeTaskUpdate, {
        args: [{ taskId: self.taskId, userId: people.managerId, data: { ratings: RATINGS } }],
      }),
    );
    expect(notAssignee.type).toBe(CycleRuleCode.NotAssignee);
    const invalid = await rejection(
      cycle.handle.executeUpdate(completeTaskUpdate, {
        args: [{ taskId: self.taskId, userId: people.repId, data: { ratings: { value: 9 } } }],
      }),
    );
    expect(invalid.type).toBe(CycleRuleCode.InvalidTaskData);
    expect((invalid.details?.[0] as { path: string }[]).map((error) => error.path)).toEqual([
      '/data/ratings/value',
      '/data/ratings/questions',
      '/data/ratings/trust',
    ]);
    expect(accepted(await cycle.handle.fetchHistory())).toBe(accepted(historyBefore));
    expect(await cycle.events()).toHaveLength(versionBefore);

    await cycle.complete('self-assessment', { ratings: RATINGS });
    const twice = await rejection(
      cycle.handle.executeUpdate(completeTaskUpdate, {
        args: [{ taskId: self.taskId, userId: people.repId, data: { ratings: RATINGS } }],
      }),
    );
    expect(twice.type).toBe(CycleRuleCode.TaskNotOpen);

    // Overdue: the manager's assessment passes its due time once, and is reported once.
    const overdue = await cycle.event('TaskOverdue', 1, 10_000);
    expect(overdue.data['assigneeId']).toBe(people.managerId);

    await cycle.handle.executeUpdate(changeManagerUpdate, {
      args: [{ managerId: people.otherManagerId, by: people.adminId }],
    });
    const types = await cycle.types();
    expect(types.slice(-2)).toEqual(['CycleManagerChanged', 'TaskReassigned']);
    const moved = await cycle.task('manager-assessment');
    expect(moved.assigneeId).toBe(people.otherManagerId);
    expect(await cycle.handle.query(cycleStateQuery)).toMatchObject({ managerId: people.otherManagerId });
    await eventually(async () => {
      const description = await cycle.handle.describe();
      expect(description.searchAttributes['ManagerId']).toEqual([people.otherManagerId]);
    });
    await cycle.complete('manager-assessment', { ratings: RATINGS });
    const priorities = await cycle.task('set-priorities');
    expect(priorities.assigneeId).toBe(people.otherManagerId);
    const tooMany = await rejection(
      cycle.handle.executeUpdate(completeTaskUpdate, {
        args: [
          {
            taskId: priorities.taskId,
            userId: people.otherManagerId,
            data: { focusAreas: ['value', 'trust', 'questions'], diagnosis: 'skill', style: 'coaching' },
          },
        ],
      }),
    );
    expect(tooMany.type).toBe(CycleRuleCode.InvalidTaskData);
    expect(tooMany.details?.[0]).toEqual([
      { path: '/data/focusAreas', message: 'must list 1 to 2 focus areas' },
    ]);
    const overdueTasks = (await cycle.events())
      .filter((event) => event.type === 'TaskOverdue')
      .map((event) => event.data['taskId']);
    expect(new Set(overdueTasks).size).toBe(overdueTasks.length);
    await cycle.handle.executeUpdate(cancelCycleUpdate, { args: [{ reason: 'done', by: people.adminId }] });
    expectSoundStream(await cycle.events(), cycle.input.cycleId);
  });

  it('takes a completion sent the instant its TaskOpened is stored, every time, and answers once it is recorded', async () => {
    const { people, cycle } = await start();
    const done = new Set<string>();
    /** Polls the stream without pausing for an unhandled TaskOpened of `kind`, then completes it at once. */
    const completeOnSight = async (kind: string, data: Record<string, unknown>) => {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const opened = (await cycle.events()).find(
          (event) =>
            event.type === 'TaskOpened' &&
            event.data['kind'] === kind &&
            !done.has(String(event.data['taskId'])),
        );
        if (opened) {
          const taskId = String(opened.data['taskId']);
          done.add(taskId);
          await cycle.handle.executeUpdate(completeTaskUpdate, {
            args: [{ taskId, userId: String(opened.data['assigneeId']), data }],
          });
          // The update answers only once its events are in the store (the API's 200 promises that).
          const completed = (await cycle.events()).filter((event) => event.type === 'TaskCompleted');
          expect(completed.map((event) => event.data['taskId'])).toContain(taskId);
          return;
        }
        if (Date.now() > deadline) throw new Error(`no ${kind} task opened in time`);
      }
    };
    // Both assessments at once: the second is queued while the first is being recorded and decided after it,
    // against the state that already holds the first, so set-priorities opens exactly once.
    await Promise.all([
      completeOnSight('self-assessment', { ratings: { questions: 4, value: 3, trust: 3 } }),
      completeOnSight('manager-assessment', { ratings: RATINGS }),
    ]);
    await completeOnSight('set-priorities', { focusAreas: ['value'], diagnosis: 'skill', style: 'coaching' });
    const commitments = [{ title: 'Not yet', due: 'P7D' }];
    await completeOnSight('coaching-session', { commitments });
    for (let round = 0; round < 8; round++) {
      await completeOnSight('acknowledge-plan', { accepted: false });
      await completeOnSight('coaching-session', { commitments });
    }
    await completeOnSight('acknowledge-plan', { accepted: true });
    const events = await cycle.events();
    expectSoundStream(events, cycle.input.cycleId);
    expect(events.filter((event) => event.type === 'TaskCompleted')).toHaveLength(done.size);
    expect(done.size).toBe(21);
    const opened = events.filter((event) => event.type === 'TaskOpened');
    expect(opened.filter((event) => event.data['kind'] === 'set-priorities')).toHaveLength(1);
    expect(await cycle.handle.query(cycleStateQuery)).toMatchObject({
      phase: 'improve',
      version: events.length,
    });
    await cycle.handle.executeUpdate(cancelCycleUpdate, {
      args: [{ reason: 'test over', by: people.adminId }],
    });
  });

  it('continues as new on a long history and carries on where it stopped', async () => {
    const people = await insertPeople(pool);
    const cycle = await CycleDriver.start(client, eventStore, taskQueue, people, configuration(), {
      continueAsNewAfter: 30,
    });
    const firstRunId = (await cycle.handle.describe()).runId;
    await cycle.toAcceptedPlan([{ title: 'Carry over', due: 'PT1S' }]);
    await cycle.complete('commitment-check-in', { kept: true });
    await cycle.complete('cycle-review', { ratings: { value: 5 } });
    await cycle.event('CycleCompleted');
    expect((await cycle.handle.describe()).runId).not.toBe(firstRunId);
    expectSoundStream(await cycle.events(), cycle.input.cycleId);
  });

  it('starts the next cycle on the latest published playbook when the playbook renews automatically', async () => {
    const { people, playbookId, cycle } = await startRenewing();
    const reserved = await insertCycleRow(pool, {
      id: cycle.input.cycleId,
      organisationId: people.organisationId,
      repId: people.repId,
      managerId: people.managerId,
      playbookId: playbookId,
      playbookVersion: 1,
      workflowId: cycle.handle.workflowId,
    });
    expect(reserved).toBe(true);
    await cycle.toAcceptedPlan([{ title: 'One call', due: 'PT1S' }]);
    await cycle.complete('commitment-check-in', { kept: true });
    await cycle.complete('cycle-review', { ratings: { value: 3 } });
    const renewed = await cycle.event('CycleRenewed');
    const nextCycleId = String(renewed.data['nextCycleId']);
    await cycle.handle.result();
    const types = await cycle.types();
    expect(types.slice(-2)).toEqual(['CycleCompleted', 'CycleRenewed']);
    // Recorded only once the next cycle was started: its workflow exists by then.
    expect((await client.workflow.getHandle(cycleWorkflowId(nextCycleId)).describe()).status.name).toBe(
      'RUNNING',
    );

    const next = new CycleDriver(
      { ...cycle.input, cycleId: nextCycleId, previousCycleId: cycle.input.cycleId },
      client.workflow.getHandle(cycleWorkflowId(nextCycleId)),
      eventStore,
    );
    const started = await next.event('CycleStarted');
    expect(started.data).toMatchObject({
      previousCycleId: cycle.input.cycleId,
      repId: people.repId,
      playbook: { id: playbookId, version: 1 },
    });
    const registry = await pool.query(
      `SELECT id, status FROM cycles WHERE rep_id = $1 ORDER BY started_at, status`,
      [people.repId],
    );
    expect(registry.rows).toEqual(
      expect.arrayContaining([
        { id: cycle.input.cycleId, status: 'completed' },
        { id: nextCycleId, status: 'running' },
      ]),
    );
    await next.handle.executeUpdate(cancelCycleUpdate, {
      args: [{ reason: 'test over', by: people.adminId }],
    });
  });

  it('records CycleRenewalSkipped, not CycleRenewed, when the next cycle cannot start', async () => {
    const { people, cycle } = await startRenewing();
    await cycle.toAcceptedPlan([{ title: 'One call', due: 'PT1S' }]);
    await cycle.complete('commitment-check-in', { kept: true });
    // The rep leaves before the review: there is nobody to renew the cycle for.
    await pool.query(`UPDATE users SET active = false WHERE id = $1`, [people.repId]);
    await cycle.complete('cycle-review', { ratings: { value: 3 } });
    const skipped = await cycle.event('CycleRenewalSkipped');
    expect(skipped.data).toMatchObject({ reason: 'the rep is no longer active' });
    await cycle.handle.result();
    const types = await cycle.types();
    expect(types.slice(-2)).toEqual(['CycleCompleted', 'CycleRenewalSkipped']);
    expect(types).not.toContain('CycleRenewed');
    const registry = await pool.query(`SELECT status FROM cycles WHERE rep_id = $1 AND status = 'running'`, [
      people.repId,
    ]);
    expect(registry.rows).toEqual([]);
    expectSoundStream(await cycle.events(), cycle.input.cycleId);
  });

  it('writes nothing twice when the activity is retried with the same input', async () => {
    const cycleId = randomUUID();
    const activities = createCoachingCycleActivities({ eventStore, pool });
    const streamId = cycleStreamId(cycleId);
    const events = [{ id: `${cycleWorkflowId(cycleId)}/1`, type: 'CycleStarted', data: { cycleId } }];
    await activities.recordCycleEvents({ streamId, events, expectedVersion: 0 });
    await activities.recordCycleEvents({ streamId, events, expectedVersion: 0 });
    expect(await eventStore.readStream(streamId)).toHaveLength(1);
  });

  it('reads the reporting chain upward, skipping nobody, with an admin', async () => {
    const people = await insertPeople(pool);
    const chain = await createCoachingCycleActivities({ eventStore, pool }).reportingChain({
      organisationId: people.organisationId,
      repId: people.repId,
    });
    expect(chain).toEqual({
      line: [
        { userId: people.managerId, role: 'manager' },
        { userId: people.seniorManagerId, role: 'manager' },
        { userId: people.leaderId, role: 'leader' },
      ],
      adminId: people.adminId,
    });
  });

  it('refuses a command whose data Postgres can never hold at once, and the cycle goes on: retried, it would wedge the cycle', async () => {
    const { people, cycle } = await start();
    await cycle.event('CycleStarted');
    const task = await cycle.task('self-assessment');
    const ratings = { questions: 4, value: 3, trust: 3 };
    for (const notes of ['a\u0000b', '\ud800']) {
      const failure = await rejection(
        cycle.handle.executeUpdate(completeTaskUpdate, {
          args: [{ taskId: task.taskId, userId: people.repId, data: { ratings, notes } }],
        }),
      );
      expect(failure.message).toContain('cannot be stored');
    }
    // Nothing of the refused completions was recorded; the task is still open and takes storable data.
    expect(await cycle.types()).toEqual(['CycleStarted', 'TaskOpened', 'TaskOpened']);
    await cycle.complete('self-assessment', { ratings, notes: 'fine' });
    await cycle.handle.executeUpdate(cancelCycleUpdate, {
      args: [{ reason: 'test over', by: people.adminId }],
    });
    expect(await cycle.handle.query(cycleStateQuery)).toMatchObject({ status: 'cancelled' });
  });
});
