import { rubricFixture } from '@coachflow/testing';
import type { CycleCommand, CycleContext, ReportingChain } from './cycle-commands';
import type { CycleEvent, PinnedCycleConfiguration } from './cycle-events';
import { CycleRuleCode, CycleRuleError } from './cycle-rule.error';
import { type CycleState, initialCycleState } from './cycle-state';
import { decideCycle } from './cycle.decider';
import { evolveCycle } from './evolve-cycle';
import { needsReportingChain } from './needs-reporting-chain';
import { nextDeadline } from './next-deadline';

const REP = 'rep-1';
const MANAGER = 'manager-1';
const NEW_MANAGER = 'manager-2';
const LEADER = 'leader-1';
const ADMIN = 'admin-1';
const T0 = Date.parse('2026-11-23T09:00:00.000Z');
/** `seconds` after the cycle starts, as ISO. */
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

const configuration = (
  playbook: Partial<PinnedCycleConfiguration['playbook']> = {},
): PinnedCycleConfiguration => ({
  playbook: {
    id: 'playbook-1',
    version: 2,
    name: 'Discovery',
    timings: {
      prioritiseDue: 'PT100S',
      sessionDue: 'PT100S',
      planLength: 'PT100S',
      checkInGrace: 'PT10S',
      escalateAfter: 'PT20S',
    },
    escalationLevels: ['manager', 'leader'],
    maxFocusAreas: 2,
    observation: false,
    autoRenew: false,
    ...playbook,
  },
  rubric: {
    id: 'rubric-1',
    version: 1,
    body: rubricFixture(),
  },
  forms: { 'self-assessment': { id: 'form-self', version: 1 } },
});

const chain: ReportingChain = {
  line: [
    { userId: MANAGER, role: 'manager' },
    { userId: 'manager-above', role: 'manager' },
    { userId: LEADER, role: 'leader' },
  ],
  adminId: ADMIN,
};

/** A cycle under test: commands run at a clock the test moves; ids are predictable. */
/** A cycle whose playbook hands the manager a follow-up every `every`. */
const givenFollowUpsEvery = (every: string) =>
  new Given({ timings: { ...configuration().playbook.timings, followUpEvery: every } });

class Given {
  state: CycleState = initialCycleState();
  clock = 0;
  private ids = 0;
  readonly ctx = (): CycleContext => ({ now: at(this.clock), newId: () => `id-${++this.ids}` });

  constructor(playbook: Partial<PinnedCycleConfiguration['playbook']> = {}) {
    this.run({
      type: 'StartCycle',
      data: {
        cycleId: 'cycle-1',
        organisationId: 'org-1',
        repId: REP,
        managerId: MANAGER,
        configuration: configuration(playbook),
      },
    });
  }

  /** When: decides the command and takes the state it decided; then: the events it recorded. */
  run(command: CycleCommand): CycleEvent[] {
    const before = this.state;
    const { events, state } = decideCycle(command, before, this.ctx());
    // The decided state is every event folded once, exactly what a replay of the events gives.
    expect(state).toEqual(events.reduce(evolveCycle, before));
    this.state = state;
    return events;
  }

  attempt(command: CycleCommand): CycleRuleError {
    try {
      decideCycle(command, this.state, this.ctx());
    } catch (error) {
      if (error instanceof CycleRuleError) return error;
      throw error;
    }
    throw new Error('the command was accepted');
  }

  tick(seconds: number, withChain = true): CycleEvent[] {
    this.clock = seconds;
    return this.run({ type: 'Tick', data: { now: at(seconds), ...(withChain ? { chain } : {}) } });
  }

  task(kind: string, assigneeId?: string) {
    const task = Object.values(this.state.tasks).find(
      (open) => open.kind === kind && (!assigneeId || open.assigneeId === assigneeId),
    );
    if (!task) throw new Error(`no open ${kind} task`);
    return task;
  }

  complete(kind: string, data: Record<string, unknown>, assigneeId?: string): CycleEvent[] {
    const task = this.task(kind, assigneeId);
    return this.run({
      type: 'CompleteTask',
      data: { taskId: task.taskId, userId: task.assigneeId, data, chain },
    });
  }

  /** Runs the cycle to an accepted plan with `commitments` (due as durations from now). */
  toPlan(commitments: { title: string; due: string }[] = [{ title: 'Ten calls', due: 'PT30S' }]): this {
    this.complete('self-assessment', { ratings: { questions: 3, value: 4, trust: 3 } });
    this.complete('manager-assessment', {
      ratings: { questions: 2, value: 2, trust: 3 },
      kpis: { calls: 30 },
    });
    this.complete('set-priorities', { focusAreas: ['value'], diagnosis: 'skill', style: 'coaching' });
    this.complete('coaching-session', { commitments });
    this.complete('acknowledge-plan', { accepted: true });
    return this;
  }
}

const types = (events: CycleEvent[]) => events.map((event) => event.type);
const ofType = <T extends CycleEvent['type']>(events: CycleEvent[], type: T) =>
  events.filter((event): event is Extract<CycleEvent, { type: T }> => event.type === type);

describe('coaching cycle decider', () => {
  describe('prioritise', () => {
    it('starts with both assessments in parallel, due after prioritiseDue, on the pinned forms', () => {
      const cycle = new Given();
      expect(cycle.state.version).toBe(3);
      const tasks = Object.values(cycle.state.tasks);
      expect(tasks.map((task) => [task.kind, task.assigneeId, task.dueAt])).toEqual([
        ['self-assessment', REP, at(100)],
        ['manager-assessment', MANAGER, at(100)],
      ]);
      expect(cycle.state.tasks[tasks[0]!.taskId]!.form).toEqual({ id: 'form-self', version: 1 });
      expect(cycle.attempt({ type: 'StartCycle', data: { ...startData() } }).code).toBe(
        CycleRuleCode.AlreadyStarted,
      );
    });

    it('numbers events by stream position, so ids are stable and never collide', () => {
      const cycle = new Given();
      const events = cycle.complete('self-assessment', { ratings: { questions: 3, value: 4, trust: 3 } });
      expect(events.map((event) => event.id)).toEqual([
        'coaching-cycle-cycle-1/4',
        'coaching-cycle-cycle-1/5',
      ]);
    });

    it('opens set-priorities with ranked gaps and KPI shortfalls once both assessments are in', () => {
      const cycle = new Given();
      expect(
        types(cycle.complete('self-assessment', { ratings: { questions: 3, value: 4, trust: 3 } })),
      ).toEqual(['TaskCompleted', 'SelfAssessmentSubmitted']);
      const events = cycle.complete('manager-assessment', {
        ratings: { questions: 2, value: 2, trust: 3 },
        kpis: { calls: 30 },
      });
      expect(types(events)).toEqual(['TaskCompleted', 'ManagerAssessmentSubmitted', 'TaskOpened']);
      const context = cycle.task('set-priorities', MANAGER).context as {
        gaps: { competencyKey: string; disagreement: boolean }[];
        kpiShortfalls: { kpiKey: string }[];
      };
      expect(context.gaps.map((gap) => gap.competencyKey)).toEqual(['value', 'questions', 'trust']);
      expect(context.gaps[0]!.disagreement).toBe(true);
      expect(context.kpiShortfalls.map((kpi) => kpi.kpiKey)).toEqual(['calls']);
    });

    it('refuses too many focus areas, unknown competencies and a missing diagnosis', () => {
      const cycle = new Given();
      cycle.complete('self-assessment', { ratings: { questions: 3, value: 4, trust: 3 } });
      cycle.complete('manager-assessment', { ratings: { questions: 2, value: 2, trust: 3 } });
      const task = cycle.task('set-priorities');
      const error = cycle.attempt({
        type: 'CompleteTask',
        data: {
          taskId: task.taskId,
          userId: MANAGER,
          data: { focusAreas: ['value', 'trust', 'questions'], style: 'x' },
        },
      });
      expect(error.code).toBe(CycleRuleCode.InvalidTaskData);
      expect(error.errors.map((fieldError) => fieldError.path)).toEqual([
        '/data/focusAreas',
        '/data/diagnosis',
      ]);
    });

    it('refuses a task of someone else, a closed task, and anything once the cycle ended', () => {
      const cycle = new Given();
      const task = cycle.task('self-assessment');
      const data = { ratings: { questions: 3, value: 4, trust: 3 } };
      expect(
        cycle.attempt({ type: 'CompleteTask', data: { taskId: task.taskId, userId: MANAGER, data } }).code,
      ).toBe(CycleRuleCode.NotAssignee);
      cycle.complete('self-assessment', data);
      expect(
        cycle.attempt({ type: 'CompleteTask', data: { taskId: task.taskId, userId: REP, data } }).code,
      ).toBe(CycleRuleCode.TaskNotOpen);
      cycle.run({ type: 'CancelCycle', data: { reason: 'test', by: MANAGER } });
      expect(cycle.attempt({ type: 'CancelCycle', data: { reason: 'again', by: MANAGER } }).code).toBe(
        CycleRuleCode.NotRunning,
      );
    });
  });

  describe('facilitate', () => {
    it('opens the observation first when the playbook asks for one', () => {
      const cycle = new Given({ observation: true });
      cycle.complete('self-assessment', { ratings: { questions: 3, value: 4, trust: 3 } });
      cycle.complete('manager-assessment', { ratings: { questions: 2, value: 2, trust: 3 } });
      cycle.complete('set-priorities', { focusAreas: ['value'], diagnosis: 'will', style: 'directing' });
      expect(cycle.state.phase).toBe('facilitate');
      expect(types(cycle.complete('observation', { notes: 'joint call' }))).toEqual([
        'TaskCompleted',
        'ObservationRecorded',
        'TaskOpened',
      ]);
      expect(cycle.task('coaching-session').context).toEqual({ round: 1 });
    });

    it('records the plan’s commitments and asks the rep to acknowledge it', () => {
      const cycle = new Given();
      cycle.complete('self-assessment', { ratings: { questions: 3, value: 4, trust: 3 } });
      cycle.complete('manager-assessment', { ratings: { questions: 2, value: 2, trust: 3 } });
      cycle.complete('set-priorities', { focusAreas: ['value'], diagnosis: 'skill', style: 'coaching' });
      const events = cycle.complete('coaching-session', {
        commitments: [
          { title: 'Ten calls', measure: 'calls logged', due: 'PT30S' },
          { title: 'Review deck', due: at(3600) },
        ],
      });
      expect(types(events)).toEqual([
        'TaskCompleted',
        'CoachingSessionHeld',
        'CommitmentMade',
        'CommitmentMade',
        'TaskOpened',
      ]);
      expect(ofType(events, 'CommitmentMade').map((event) => [event.data.title, event.data.dueAt])).toEqual([
        ['Ten calls', at(30)],
        ['Review deck', at(3600)],
      ]);
      expect(cycle.task('acknowledge-plan').assigneeId).toBe(REP);
    });

    it('sends a rejected plan back to the manager; its commitments never fall due', () => {
      const cycle = new Given();
      cycle.complete('self-assessment', { ratings: { questions: 3, value: 4, trust: 3 } });
      cycle.complete('manager-assessment', { ratings: { questions: 2, value: 2, trust: 3 } });
      cycle.complete('set-priorities', { focusAreas: ['value'], diagnosis: 'skill', style: 'coaching' });
      cycle.complete('coaching-session', { commitments: [{ title: 'Too much', due: 'PT5S' }] });
      const events = cycle.complete('acknowledge-plan', { accepted: false });
      expect(types(events)).toEqual(['TaskCompleted', 'PlanAcknowledged', 'TaskOpened']);
      expect(cycle.task('coaching-session').context).toMatchObject({ round: 2 });
      expect(types(cycle.tick(60)).filter((type) => type !== 'TaskOverdue')).toEqual([]);
      cycle.complete('coaching-session', { commitments: [{ title: 'Smaller', due: 'PT30S' }] });
      cycle.complete('acknowledge-plan', { accepted: true });
      expect(cycle.state.phase).toBe('improve');
      expect(Object.values(cycle.state.commitments).map((c) => [c.title, c.stage])).toEqual([
        ['Too much', 'rejected'],
        ['Smaller', 'scheduled'],
      ]);
    });

    it('refuses a commitment due in the past or given as nonsense', () => {
      const cycle = new Given();
      cycle.complete('self-assessment', { ratings: { questions: 3, value: 4, trust: 3 } });
      cycle.complete('manager-assessment', { ratings: { questions: 2, value: 2, trust: 3 } });
      cycle.complete('set-priorities', { focusAreas: ['value'], diagnosis: 'skill', style: 'coaching' });
      const task = cycle.task('coaching-session');
      const error = cycle.attempt({
        type: 'CompleteTask',
        data: {
          taskId: task.taskId,
          userId: MANAGER,
          data: {
            commitments: [
              { title: 'Late', due: at(-5) },
              { title: '', due: 'soon' },
            ],
          },
        },
      });
      expect(error.errors.map((fieldError) => fieldError.path)).toEqual([
        '/data/commitments/0/due',
        '/data/commitments/1/title',
        '/data/commitments/1/due',
      ]);
    });
  });

  describe('continuously improve', () => {
    it('opens a check-in when a commitment falls due, with its id in the context', () => {
      const cycle = new Given().toPlan();
      expect(nextDeadline(cycle.state)).toBe(at(30));
      expect(types(cycle.tick(29))).toEqual([]);
      const events = cycle.tick(30);
      expect(types(events)).toEqual(['TaskOpened']);
      const [commitment] = Object.values(cycle.state.commitments);
      expect(cycle.task('commitment-check-in', REP)).toMatchObject({
        dueAt: at(40),
        context: { commitmentId: commitment!.commitmentId, title: 'Ten calls', dueAt: at(30) },
      });
    });

    it('records a kept commitment with a missed target and escalates nothing', () => {
      const cycle = new Given().toPlan();
      cycle.tick(30);
      const events = cycle.complete('commitment-check-in', { kept: true, targetMet: false });
      expect(types(events)).toEqual(['TaskCompleted', 'CommitmentKept']);
      expect(ofType(events, 'CommitmentKept')[0]!.data.targetMet).toBe(false);
      expect(types(cycle.tick(80))).toEqual([]);
      expect(cycle.state.escalations).toEqual({});
    });

    it('escalates a commitment not kept to the manager, with a task and its level', () => {
      const cycle = new Given().toPlan();
      cycle.tick(30);
      const task = cycle.task('commitment-check-in');
      expect(
        needsReportingChain(
          { type: 'CompleteTask', data: { taskId: task.taskId, userId: REP, data: { kept: false } } },
          cycle.state,
          at(30),
        ),
      ).toBe(true);
      const events = cycle.complete('commitment-check-in', { kept: false });
      expect(types(events)).toEqual(['TaskCompleted', 'CommitmentMissed', 'EscalationRaised', 'TaskOpened']);
      expect(ofType(events, 'CommitmentMissed')[0]!.data.reason).toBe('not-kept');
      expect(ofType(events, 'EscalationRaised')[0]!.data).toMatchObject({
        level: 1,
        role: 'manager',
        assigneeId: MANAGER,
      });
      expect(cycle.task('resolve-escalation').context).toMatchObject({
        level: 1,
        commitmentId: task.context['commitmentId'],
      });
    });

    it('misses a commitment nobody checked in on, climbs to the leader, and closes every level on drop', () => {
      const cycle = new Given().toPlan();
      cycle.tick(30);
      expect(needsReportingChain({ type: 'Tick', data: { now: at(40) } }, cycle.state, at(40))).toBe(true);
      const missed = cycle.tick(40);
      expect(types(missed)).toEqual(['TaskClosed', 'CommitmentMissed', 'EscalationRaised', 'TaskOpened']);
      expect(ofType(missed, 'TaskClosed')[0]!.data.reason).toBe('check-in-expired');
      expect(ofType(missed, 'CommitmentMissed')[0]!.data.reason).toBe('no-check-in');
      expect(nextDeadline(cycle.state, at(40))).toBe(at(60));

      const climbed = cycle.tick(60);
      expect(types(climbed)).toEqual(['EscalationRaised', 'TaskOpened', 'TaskOverdue']);
      expect(ofType(climbed, 'EscalationRaised')[0]!.data).toMatchObject({
        level: 2,
        role: 'leader',
        assigneeId: LEADER,
      });
      expect(ofType(climbed, 'TaskOverdue')[0]!.data.assigneeId).toBe(MANAGER);
      // The last level: nothing climbs any more, and its task is overdue once.
      expect(types(cycle.tick(80))).toEqual(['TaskOverdue']);
      expect(types(cycle.tick(200))).toEqual([]);

      const resolved = cycle.complete('resolve-escalation', { action: 'drop' }, LEADER);
      expect(types(resolved)).toEqual(['TaskCompleted', 'EscalationResolved', 'TaskClosed']);
      expect(ofType(resolved, 'TaskClosed')[0]!.data.reason).toBe('escalation-resolved');
      expect(Object.values(cycle.state.commitments)[0]!.stage).toBe('dropped');
      expect(Object.keys(cycle.state.tasks)).toEqual([]);
    });

    it('starts a new timer and a new check-in when an escalation is resolved by recommitting', () => {
      const cycle = new Given().toPlan();
      cycle.tick(30);
      cycle.complete('commitment-check-in', { kept: false });
      expect(
        cycle.attempt({
          type: 'CompleteTask',
          data: {
            taskId: cycle.task('resolve-escalation').taskId,
            userId: MANAGER,
            data: { action: 'recommit' },
          },
        }).errors,
      ).toEqual([{ path: '/data/due', message: 'is required when recommitting' }]);
      const events = cycle.complete('resolve-escalation', { action: 'recommit', due: 'PT15S' });
      expect(ofType(events, 'EscalationResolved')[0]!.data).toMatchObject({
        action: 'recommit',
        dueAt: at(45),
      });
      expect(nextDeadline(cycle.state, at(30))).toBe(at(45));
      expect(types(cycle.tick(45))).toEqual(['TaskOpened']);
      expect(types(cycle.complete('commitment-check-in', { kept: true }))).toEqual([
        'TaskCompleted',
        'CommitmentKept',
      ]);
    });

    it('stays at the level when nobody is above and never waits for that climb again', () => {
      const cycle = new Given({ escalationLevels: ['manager', 'leader'] });
      cycle.toPlan();
      cycle.tick(30);
      cycle.complete('commitment-check-in', { kept: false });
      cycle.clock = 50;
      const events = cycle.run({
        type: 'Tick',
        data: { now: at(50), chain: { line: [{ userId: MANAGER, role: 'manager' }], adminId: null } },
      });
      expect(types(events)).toEqual(['TaskOverdue']);
      expect(Object.values(cycle.state.escalations)[0]!.level).toBe(1);
      expect(nextDeadline(cycle.state, at(50))).toBe(null);
    });

    it('raises an execution concern on the second missed commitment', () => {
      const cycle = new Given().toPlan([
        { title: 'One', due: 'PT30S' },
        { title: 'Two', due: 'PT31S' },
      ]);
      cycle.tick(31);
      cycle.complete('commitment-check-in', { kept: false });
      const events = cycle.complete('commitment-check-in', { kept: false });
      expect(types(events)).toEqual([
        'TaskCompleted',
        'CommitmentMissed',
        'ExecutionConcernRaised',
        'EscalationRaised',
        'TaskOpened',
      ]);
      expect(ofType(events, 'ExecutionConcernRaised')[0]!.data.missedCommitmentIds).toHaveLength(2);
    });

    it('hands the manager a follow-up every followUpEvery while the plan runs, superseding the last', () => {
      const cycle = givenFollowUpsEvery('PT40S');
      cycle.toPlan([{ title: 'Late one', due: 'PT500S' }]);
      expect(types(cycle.tick(40))).toEqual(['TaskOpened']);
      expect(cycle.task('follow-up').assigneeId).toBe(MANAGER);
      expect(types(cycle.tick(80))).toEqual(['TaskClosed', 'TaskOpened']);
      // The plan ends at 100: no follow-up after it, only the open one turning overdue.
      expect(types(cycle.tick(120))).toEqual(['TaskOverdue']);
    });

    it('opens no follow-up on a Tick that comes after the plan ended, even one that was due before', () => {
      const cycle = givenFollowUpsEvery('PT40S');
      cycle.toPlan([{ title: 'Done early', due: 'PT10S' }]);
      cycle.tick(10);
      cycle.complete('commitment-check-in', { kept: true });
      // The worker was down from 10 s to 130 s: the follow-up due at 40 s is past, and so is the plan's end.
      const late = cycle.tick(130);
      expect(late.filter((event) => event.type === 'TaskOpened').map((event) => event.data.kind)).toEqual([
        'cycle-review',
      ]);
    });

    it('opens the review once the plan ended and every commitment is settled, then completes with score changes', () => {
      const cycle = new Given({ autoRenew: true }).toPlan();
      cycle.tick(30);
      expect(nextDeadline(cycle.state, at(30))).toBe(at(40));
      cycle.complete('commitment-check-in', { kept: true });
      expect(nextDeadline(cycle.state, at(30))).toBe(at(100));
      expect(types(cycle.tick(99))).toEqual([]);
      const review = cycle.tick(100);
      expect(types(review)).toEqual(['TaskOpened']);
      expect(cycle.task('cycle-review').context).toEqual({ focusAreas: ['value'] });
      const task = cycle.task('cycle-review');
      expect(
        cycle.attempt({
          type: 'CompleteTask',
          data: { taskId: task.taskId, userId: MANAGER, data: { ratings: { trust: 3 } } },
        }).errors,
      ).toEqual([{ path: '/data/ratings/value', message: 'is a focus area: rescore it' }]);
      const events = cycle.complete('cycle-review', { ratings: { value: 4 } });
      expect(types(events)).toEqual(['TaskCompleted', 'CycleReviewed', 'CycleCompleted']);
      expect(ofType(events, 'CycleCompleted')[0]!.data).toMatchObject({
        scoreChanges: [{ competencyKey: 'value', before: 2, after: 4, change: 2 }],
        commitments: { open: 0, kept: 1, missed: 0, dropped: 0 },
      });
      expect(cycle.state.status).toBe('completed');
      expect(nextDeadline(cycle.state)).toBeNull();
      expect(cycle.tick(500)).toEqual([]);
    });

    it('records a renewal only once it was tried: CycleRenewed when the next cycle started, else skipped', () => {
      const finish = (playbook: Partial<PinnedCycleConfiguration['playbook']>) => {
        const cycle = new Given(playbook).toPlan();
        cycle.tick(30);
        cycle.complete('commitment-check-in', { kept: true });
        cycle.tick(100);
        cycle.complete('cycle-review', { ratings: { value: 4 } });
        return cycle;
      };
      const renewing = finish({ autoRenew: true });
      expect(renewing.state.renewalDue).toBe(true);
      const renewed = renewing.run({ type: 'RecordRenewal', data: { nextCycleId: 'next-1', started: true } });
      expect(renewed.map((event) => [event.type, event.data])).toEqual([
        ['CycleRenewed', { nextCycleId: 'next-1', at: at(100) }],
      ]);
      expect(renewing.state.renewalDue).toBe(false);
      expect(
        renewing.attempt({ type: 'RecordRenewal', data: { nextCycleId: 'next-1', started: true } }).code,
      ).toBe(CycleRuleCode.NotRunning);

      const skipping = finish({ autoRenew: true });
      const skipped = skipping.run({
        type: 'RecordRenewal',
        data: { nextCycleId: 'next-2', started: false, reason: 'the rep is no longer active' },
      });
      expect(skipped.map((event) => [event.type, event.data])).toEqual([
        ['CycleRenewalSkipped', { reason: 'the rep is no longer active', at: at(100) }],
      ]);

      const once = finish({ autoRenew: false });
      expect(once.state.renewalDue).toBe(false);
      expect(once.attempt({ type: 'RecordRenewal', data: { nextCycleId: 'x', started: true } }).code).toBe(
        CycleRuleCode.NotRunning,
      );
    });

    it('reports an open task overdue once', () => {
      const cycle = new Given();
      expect(types(cycle.tick(100))).toEqual(['TaskOverdue', 'TaskOverdue']);
      expect(types(cycle.tick(200))).toEqual([]);
    });
  });

  describe('cancel and staffing', () => {
    it('closes every open task and records the cancellation; nothing follows', () => {
      const cycle = new Given().toPlan();
      cycle.tick(30);
      const events = cycle.run({ type: 'CancelCycle', data: { reason: 'left', by: MANAGER } });
      expect(types(events)).toEqual(['TaskClosed', 'CycleCancelled']);
      expect(nextDeadline(cycle.state)).toBeNull();
      expect(cycle.tick(1000)).toEqual([]);
    });

    it('moves the open manager tasks to a new manager, and later escalations go to them', () => {
      const cycle = new Given();
      const events = cycle.run({ type: 'ChangeManager', data: { managerId: NEW_MANAGER, by: ADMIN } });
      expect(types(events)).toEqual(['CycleManagerChanged', 'TaskReassigned']);
      expect(cycle.task('manager-assessment').assigneeId).toBe(NEW_MANAGER);
      expect(cycle.task('self-assessment').assigneeId).toBe(REP);
      expect(cycle.run({ type: 'ChangeManager', data: { managerId: NEW_MANAGER, by: ADMIN } })).toEqual([]);
    });

    it('moves a deactivated person’s tasks to whom the caller names', () => {
      const cycle = new Given();
      const events = cycle.run({ type: 'ReassignTasks', data: { fromUserId: REP, toUserId: MANAGER } });
      expect(ofType(events, 'TaskReassigned').map((event) => event.data.reason)).toEqual([
        'assignee-deactivated',
      ]);
    });
  });
});

function startData() {
  return {
    cycleId: 'cycle-1',
    organisationId: 'org-1',
    repId: REP,
    managerId: MANAGER,
    configuration: configuration(),
  };
}
