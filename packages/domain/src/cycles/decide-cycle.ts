import type { CommitmentStatus, TaskKind } from '@coachflow/contracts';
import { stepEventId } from '../events';
import { completeTaskRejection } from './complete-task-rejection';
import type { CycleCommand, CycleContext, ReportingChain } from './cycle-commands';
import type { CycleEvent, Diagnosis, Ratings, TaskClosedReason } from './cycle-events';
import { CycleRuleCode, CycleRuleError } from './cycle-rule.error';
import type { CycleState, OpenTask } from './cycle-state';
import { climbAt, followUpDue, planOver } from './cycle-deadlines';
import { cycleWorkflowId } from './cycle-workflow-id';
import { escalationAssignee } from './escalation-assignee';
import { evolveCycle } from './evolve-cycle';
import { addIsoDuration } from './iso-duration';
import { rankGaps } from './rank-gaps';
import { resolveDue } from './resolve-due';
import { scoreChanges } from './score-changes';

type EventOf<T extends CycleEvent['type']> = Extract<CycleEvent, { type: T }>;

/**
 * Collects the events of one decision, folding each into a working state as it goes, so later rules of
 * the same decision see what earlier ones did (a task closed above is not reported overdue below).
 */
class Decision {
  readonly events: CycleEvent[] = [];

  constructor(
    public state: CycleState,
    private readonly ctx: CycleContext,
    private readonly workflowId: string,
  ) {}

  emit<T extends CycleEvent['type']>(type: T, data: EventOf<T>['data']): void {
    // The event's number in the stream is its id: a retried append is recognised, and nothing can interleave.
    const id = stepEventId(this.workflowId, String(this.state.version + 1));
    const event = { id, type, data } as CycleEvent;
    this.events.push(event);
    this.state = evolveCycle(this.state, event);
  }

  openTask(
    kind: TaskKind,
    assigneeId: string,
    dueAt: string,
    context: Record<string, unknown>,
    taskId?: string,
  ) {
    const id = taskId ?? this.ctx.newId();
    this.emit('TaskOpened', {
      taskId: id,
      kind,
      assigneeId,
      dueAt,
      context,
      form: this.state.configuration?.forms[kind] ?? null,
      openedAt: this.ctx.now,
    });
    return id;
  }

  closeTask(taskId: string, reason: TaskClosedReason): void {
    this.emit('TaskClosed', { taskId, reason, closedAt: this.ctx.now });
  }
}

/**
 * The coaching cycle's rules: given its state, what a command records (pure; time and ids come in through
 * `ctx`). Throws CycleRuleError for a command the cycle refuses. Emmett-style decider with evolveCycle and
 * initialCycleState.
 */
export function decideCycle(command: CycleCommand, state: CycleState, ctx: CycleContext): CycleEvent[] {
  if (command.type === 'StartCycle') {
    if (state.status !== 'not-started')
      throw new CycleRuleError(CycleRuleCode.AlreadyStarted, 'The cycle has already started.');
    const { configuration, previousCycleId, ...who } = command.data;
    const decision = new Decision(state, ctx, cycleWorkflowId(who.cycleId));
    decision.emit('CycleStarted', {
      ...who,
      playbook: { id: configuration.playbook.id, version: configuration.playbook.version },
      rubric: { id: configuration.rubric.id, version: configuration.rubric.version },
      forms: configuration.forms,
      configuration,
      ...(previousCycleId ? { previousCycleId } : {}),
      startedAt: ctx.now,
    });
    const dueAt = addIsoDuration(ctx.now, configuration.playbook.timings.prioritiseDue);
    decision.openTask('self-assessment', who.repId, dueAt, {});
    decision.openTask('manager-assessment', who.managerId, dueAt, {});
    return decision.events;
  }

  if (command.type === 'RecordRenewal') {
    if (!state.renewalDue)
      throw new CycleRuleError(CycleRuleCode.NotRunning, 'The cycle has no renewal to record.');
    const decision = new Decision(state, ctx, cycleWorkflowId(state.cycleId));
    const { nextCycleId, started, reason } = command.data;
    if (started) decision.emit('CycleRenewed', { nextCycleId, at: ctx.now });
    else decision.emit('CycleRenewalSkipped', { reason: reason ?? 'not started', at: ctx.now });
    return decision.events;
  }

  if (state.status !== 'running' || !state.configuration) {
    if (command.type === 'Tick') return [];
    throw new CycleRuleError(CycleRuleCode.NotRunning, 'The cycle is not running.');
  }
  const decision = new Decision(state, ctx, cycleWorkflowId(state.cycleId));
  switch (command.type) {
    case 'CompleteTask': {
      const rejection = completeTaskRejection(state, command.data, ctx.now);
      if (rejection) throw rejection;
      completeTask(decision, command.data, ctx);
      break;
    }
    case 'Tick':
      tick(decision, command.data.chain, ctx);
      break;
    case 'CancelCycle':
      for (const taskId of Object.keys(state.tasks)) decision.closeTask(taskId, 'cycle-cancelled');
      decision.emit('CycleCancelled', { ...command.data, at: ctx.now });
      break;
    case 'ChangeManager': {
      const fromId = state.managerId;
      const toId = command.data.managerId;
      if (fromId === toId) break;
      decision.emit('CycleManagerChanged', { fromId, toId, by: command.data.by, at: ctx.now });
      for (const task of sortedTasks(state))
        if (task.assigneeId === fromId)
          decision.emit('TaskReassigned', {
            taskId: task.taskId,
            fromId,
            toId,
            reason: 'manager-changed',
            at: ctx.now,
          });
      break;
    }
    case 'ReassignTasks': {
      const { fromUserId, toUserId } = command.data;
      if (fromUserId === toUserId) break;
      for (const task of sortedTasks(state))
        if (task.assigneeId === fromUserId)
          decision.emit('TaskReassigned', {
            taskId: task.taskId,
            fromId: fromUserId,
            toId: toUserId,
            reason: 'assignee-deactivated',
            at: ctx.now,
          });
      break;
    }
  }
  return decision.events;
}

function completeTask(
  decision: Decision,
  request: { taskId: string; userId: string; data: Record<string, unknown>; chain?: ReportingChain },
  ctx: CycleContext,
): void {
  const start = decision.state;
  const configuration = start.configuration!;
  const timings = configuration.playbook.timings;
  const task = start.tasks[request.taskId]!;
  const { data, userId: by, taskId } = request;
  const at = ctx.now;
  decision.emit('TaskCompleted', { taskId, kind: task.kind, completedBy: by, completedAt: at });

  switch (task.kind) {
    case 'self-assessment':
    case 'manager-assessment': {
      const ratings = data['ratings'] as Ratings;
      const kpis = data['kpis'] as Record<string, number> | undefined;
      if (task.kind === 'self-assessment')
        decision.emit('SelfAssessmentSubmitted', { taskId, by, ratings, data, at });
      else
        decision.emit('ManagerAssessmentSubmitted', {
          taskId,
          by,
          ratings,
          ...(kpis ? { kpis } : {}),
          data,
          at,
        });
      const { selfRatings, managerRatings, kpiActuals } = decision.state;
      if (selfRatings && managerRatings) {
        const analysis = rankGaps(configuration.rubric.body, selfRatings, managerRatings, kpiActuals);
        decision.openTask(
          'set-priorities',
          decision.state.managerId,
          laterOf(addIsoDuration(start.startedAt, timings.prioritiseDue), at),
          { ...analysis, maxFocusAreas: configuration.playbook.maxFocusAreas },
        );
      }
      break;
    }
    case 'set-priorities': {
      const analysis = rankGaps(
        configuration.rubric.body,
        start.selfRatings ?? {},
        start.managerRatings ?? {},
        start.kpiActuals,
      );
      decision.emit('PrioritiesSet', {
        taskId,
        by,
        focusAreas: data['focusAreas'] as string[],
        diagnosis: data['diagnosis'] as Diagnosis,
        style: data['style'] as string,
        ...analysis,
        data,
        at,
      });
      const sessionDueAt = addIsoDuration(at, timings.sessionDue);
      if (configuration.playbook.observation)
        decision.openTask('observation', decision.state.managerId, sessionDueAt, { round: 1 });
      else decision.openTask('coaching-session', decision.state.managerId, sessionDueAt, { round: 1 });
      break;
    }
    case 'observation':
      decision.emit('ObservationRecorded', { taskId, by, data, at });
      decision.openTask('coaching-session', decision.state.managerId, laterOf(task.dueAt, at), { round: 1 });
      break;
    case 'coaching-session': {
      const round = start.round + 1;
      const commitments = (data['commitments'] as { title: string; measure?: string; due: string }[]).map(
        (commitment) => ({
          ...commitment,
          commitmentId: ctx.newId(),
          dueAt: resolveDue(commitment.due, at)!,
        }),
      );
      const commitmentIds = commitments.map((commitment) => commitment.commitmentId);
      decision.emit('CoachingSessionHeld', { taskId, by, round, commitmentIds, data, at });
      for (const { commitmentId, title, measure, dueAt } of commitments)
        decision.emit('CommitmentMade', {
          commitmentId,
          round,
          title,
          ...(measure ? { measure } : {}),
          dueAt,
          at,
        });
      decision.openTask('acknowledge-plan', start.repId, laterOf(task.dueAt, at), { round, commitmentIds });
      break;
    }
    case 'acknowledge-plan': {
      const accepted = data['accepted'] as boolean;
      const round = Number(task.context['round'] ?? start.round);
      decision.emit('PlanAcknowledged', { taskId, by, round, accepted, data, at });
      if (!accepted)
        decision.openTask(
          'coaching-session',
          decision.state.managerId,
          addIsoDuration(at, timings.sessionDue),
          {
            round: round + 1,
            sentBackRound: round,
          },
        );
      break;
    }
    case 'commitment-check-in': {
      const commitmentId = String(task.context['commitmentId']);
      if (data['kept'] === true) {
        const targetMet = data['targetMet'];
        decision.emit('CommitmentKept', {
          commitmentId,
          taskId,
          ...(typeof targetMet === 'boolean' ? { targetMet } : {}),
          at,
        });
      } else miss(decision, commitmentId, 'not-kept', taskId, request.chain, ctx);
      break;
    }
    case 'resolve-escalation': {
      const escalationId = String(task.context['escalationId']);
      const escalation = start.escalations[escalationId];
      if (!escalation) break;
      const action = data['action'] as 'recommit' | 'drop';
      const dueAt = action === 'recommit' ? resolveDue(data['due'], at) : null;
      decision.emit('EscalationResolved', {
        escalationId,
        commitmentId: escalation.commitmentId,
        action,
        resolvedBy: by,
        ...(dueAt ? { dueAt } : {}),
        at,
      });
      for (const other of escalation.taskIds)
        if (other !== taskId && decision.state.tasks[other]) decision.closeTask(other, 'escalation-resolved');
      break;
    }
    case 'cycle-review': {
      const ratings = data['ratings'] as Ratings;
      decision.emit('CycleReviewed', { taskId, by, ratings, data, at });
      for (const open of sortedTasks(decision.state)) decision.closeTask(open.taskId, 'superseded');
      decision.emit('CycleCompleted', {
        scoreChanges: scoreChanges(
          start.focusAreas,
          start.managerRatings ?? {},
          start.selfRatings ?? {},
          ratings,
        ),
        commitments: commitmentOutcomes(decision.state),
        at,
      });
      break;
    }
    case 'follow-up':
      break;
  }
}

/** Records a missed commitment, an execution concern on the second miss, and raises its escalation. */
function miss(
  decision: Decision,
  commitmentId: string,
  reason: 'not-kept' | 'no-check-in',
  taskId: string,
  chain: ReportingChain | undefined,
  ctx: CycleContext,
): void {
  decision.emit('CommitmentMissed', { commitmentId, reason, taskId, at: ctx.now });
  const { missed, executionConcern } = decision.state;
  if (missed.length >= 2 && !executionConcern)
    decision.emit('ExecutionConcernRaised', { missedCommitmentIds: [...missed], at: ctx.now });
  const levels = decision.state.configuration!.playbook.escalationLevels;
  const role = levels[0] ?? 'manager';
  // Level 1 always reaches someone: the manager when the first role has nobody.
  const assigneeId =
    escalationAssignee(role, null, decision.state.managerId, chain) ?? decision.state.managerId;
  raise(decision, ctx.newId(), commitmentId, 1, assigneeId, ctx);
}

function raise(
  decision: Decision,
  escalationId: string,
  commitmentId: string,
  level: number,
  assigneeId: string,
  ctx: CycleContext,
): void {
  const { playbook } = decision.state.configuration!;
  const role = playbook.escalationLevels[level - 1] ?? 'manager';
  const taskId = ctx.newId();
  decision.emit('EscalationRaised', {
    escalationId,
    commitmentId,
    level,
    role,
    assigneeId,
    taskId,
    at: ctx.now,
  });
  const commitment = decision.state.commitments[commitmentId];
  decision.openTask(
    'resolve-escalation',
    assigneeId,
    addIsoDuration(ctx.now, playbook.timings.escalateAfter),
    { escalationId, commitmentId, level, role, title: commitment?.title ?? null },
    taskId,
  );
}

/** Fires every deadline that has passed by `ctx.now`, in a fixed order so a replay decides the same. */
function tick(decision: Decision, chain: ReportingChain | undefined, ctx: CycleContext): void {
  const now = ctx.now;
  const passed = (at: string | null | undefined) => !!at && Date.parse(at) <= Date.parse(now);
  const { playbook } = decision.state.configuration!;
  const { timings } = playbook;

  for (const commitment of sortedCommitments(decision.state))
    if (commitment.stage === 'scheduled' && passed(commitment.dueAt))
      decision.openTask(
        'commitment-check-in',
        decision.state.repId,
        addIsoDuration(commitment.dueAt, timings.checkInGrace),
        {
          commitmentId: commitment.commitmentId,
          title: commitment.title,
          ...(commitment.measure ? { measure: commitment.measure } : {}),
          dueAt: commitment.dueAt,
        },
      );

  for (const task of sortedTasks(decision.state))
    if (task.kind === 'commitment-check-in' && passed(task.dueAt)) {
      decision.closeTask(task.taskId, 'check-in-expired');
      miss(decision, String(task.context['commitmentId']), 'no-check-in', task.taskId, chain, ctx);
    }

  for (const escalation of Object.values(decision.state.escalations).sort(byKey('escalationId')))
    if (escalation.level < playbook.escalationLevels.length && passed(climbAt(decision.state, escalation))) {
      const role = playbook.escalationLevels[escalation.level]!;
      const assigneeId = escalationAssignee(role, escalation.assigneeId, decision.state.managerId, chain);
      // Nobody above: the escalation stays at its level, its task still open (see workflows/README.md).
      if (assigneeId)
        raise(
          decision,
          escalation.escalationId,
          escalation.commitmentId,
          escalation.level + 1,
          assigneeId,
          ctx,
        );
    }

  const state = decision.state;
  if (timings.followUpEvery && followUpDue(state, now)) {
    for (const task of sortedTasks(state))
      if (task.kind === 'follow-up') decision.closeTask(task.taskId, 'superseded');
    decision.openTask('follow-up', state.managerId, addIsoDuration(now, timings.followUpEvery), {
      planEndsAt: state.planEndsAt,
    });
  }

  if (planOver(decision.state, now)) {
    for (const task of sortedTasks(decision.state))
      if (task.kind === 'follow-up') decision.closeTask(task.taskId, 'superseded');
    decision.openTask('cycle-review', decision.state.managerId, addIsoDuration(now, timings.sessionDue), {
      focusAreas: decision.state.focusAreas,
    });
  }

  for (const task of sortedTasks(decision.state))
    if (task.kind !== 'commitment-check-in' && !task.overdue && passed(task.dueAt))
      decision.emit('TaskOverdue', {
        taskId: task.taskId,
        assigneeId: task.assigneeId,
        dueAt: task.dueAt,
        at: now,
      });
}

function commitmentOutcomes(state: CycleState): Record<CommitmentStatus, number> {
  const outcomes: Record<CommitmentStatus, number> = { open: 0, kept: 0, missed: 0, dropped: 0 };
  for (const commitment of Object.values(state.commitments)) {
    if (commitment.stage === 'proposed' || commitment.stage === 'rejected') continue;
    const status: CommitmentStatus =
      commitment.stage === 'kept' || commitment.stage === 'dropped' || commitment.stage === 'missed'
        ? commitment.stage
        : 'open';
    outcomes[status] += 1;
  }
  return outcomes;
}

function sortedTasks(state: CycleState): OpenTask[] {
  return Object.values(state.tasks).sort(
    (a, b) =>
      a.dueAt.localeCompare(b.dueAt) ||
      a.openedAt.localeCompare(b.openedAt) ||
      a.taskId.localeCompare(b.taskId),
  );
}

function sortedCommitments(state: CycleState) {
  return Object.values(state.commitments).sort(
    (a, b) => a.dueAt.localeCompare(b.dueAt) || a.commitmentId.localeCompare(b.commitmentId),
  );
}

function byKey<K extends string>(key: K) {
  return (a: Record<K, string>, b: Record<K, string>) => a[key].localeCompare(b[key]);
}

function laterOf(a: string, b: string): string {
  return Date.parse(a) >= Date.parse(b) ? a : b;
}
