import type { CycleEvent } from './cycle-events';
import { addIsoDuration } from './iso-duration';
import type { CommitmentState, CycleState } from './cycle-state';

/** Folds one event into the cycle's state (pure; the state is never mutated). */
export function evolveCycle(state: CycleState, event: CycleEvent): CycleState {
  const next: CycleState = { ...state, version: state.version + 1 };
  const timings = state.configuration?.playbook.timings;
  switch (event.type) {
    case 'CycleStarted':
      return {
        ...next,
        status: 'running',
        phase: 'prioritise',
        ...pick(event.data),
        configuration: event.data.configuration ?? null,
        startedAt: event.data.startedAt,
      };
    case 'TaskOpened': {
      const task = { ...event.data, overdue: false };
      const tasks = { ...state.tasks, [task.taskId]: task };
      if (task.kind === 'commitment-check-in')
        return {
          ...next,
          tasks,
          commitments: patchCommitment(state, String(task.context['commitmentId']), {
            stage: 'checking-in',
            checkInTaskId: task.taskId,
          }),
        };
      if (task.kind === 'coaching-session' || task.kind === 'observation')
        return { ...next, tasks, sessionDueAt: task.dueAt };
      if (task.kind === 'follow-up' && timings?.followUpEvery)
        return { ...next, tasks, nextFollowUpAt: addIsoDuration(task.openedAt, timings.followUpEvery) };
      if (task.kind === 'cycle-review') return { ...next, tasks, reviewOpened: true };
      return { ...next, tasks };
    }
    case 'TaskCompleted':
    case 'TaskClosed':
      return { ...next, tasks: without(state.tasks, event.data.taskId) };
    case 'TaskReassigned': {
      const task = state.tasks[event.data.taskId];
      if (!task) return next;
      return { ...next, tasks: { ...state.tasks, [task.taskId]: { ...task, assigneeId: event.data.toId } } };
    }
    case 'TaskOverdue': {
      const task = state.tasks[event.data.taskId];
      if (!task) return next;
      return { ...next, tasks: { ...state.tasks, [task.taskId]: { ...task, overdue: true } } };
    }
    case 'SelfAssessmentSubmitted':
      return { ...next, selfRatings: event.data.ratings };
    case 'ManagerAssessmentSubmitted':
      return { ...next, managerRatings: event.data.ratings, kpiActuals: event.data.kpis ?? {} };
    case 'PrioritiesSet':
      return {
        ...next,
        phase: 'facilitate',
        focusAreas: event.data.focusAreas,
        diagnosis: event.data.diagnosis,
        gaps: event.data.gaps,
        kpiShortfalls: event.data.kpiShortfalls,
      };
    case 'ObservationRecorded':
      return next;
    case 'CoachingSessionHeld':
      return { ...next, round: event.data.round };
    case 'CommitmentMade': {
      const { commitmentId, round, title, measure, dueAt } = event.data;
      const commitment: CommitmentState = { commitmentId, round, title, dueAt, stage: 'proposed' };
      if (measure !== undefined) commitment.measure = measure;
      return { ...next, commitments: { ...state.commitments, [commitmentId]: commitment } };
    }
    case 'PlanAcknowledged': {
      const commitments = { ...state.commitments };
      for (const commitment of Object.values(commitments))
        if (commitment.round === event.data.round && commitment.stage === 'proposed')
          commitments[commitment.commitmentId] = {
            ...commitment,
            stage: event.data.accepted ? 'scheduled' : 'rejected',
          };
      if (!event.data.accepted || !timings) return { ...next, commitments };
      return {
        ...next,
        commitments,
        phase: 'improve',
        planStartedAt: event.data.at,
        planEndsAt: addIsoDuration(event.data.at, timings.planLength),
        nextFollowUpAt: timings.followUpEvery ? addIsoDuration(event.data.at, timings.followUpEvery) : null,
      };
    }
    case 'CommitmentKept':
      return { ...next, commitments: patchCommitment(state, event.data.commitmentId, { stage: 'kept' }) };
    case 'CommitmentMissed':
      return {
        ...next,
        commitments: patchCommitment(state, event.data.commitmentId, { stage: 'missed' }),
        missed: [...state.missed, event.data.commitmentId],
      };
    case 'ExecutionConcernRaised':
      return { ...next, executionConcern: true };
    case 'EscalationRaised': {
      const { escalationId, commitmentId, level, role, assigneeId, taskId, at } = event.data;
      const before = state.escalations[escalationId];
      return {
        ...next,
        escalations: {
          ...state.escalations,
          [escalationId]: {
            escalationId,
            commitmentId,
            level,
            role,
            assigneeId,
            levelSince: at,
            taskIds: [...(before?.taskIds ?? []), taskId],
          },
        },
      };
    }
    case 'EscalationResolved': {
      const { escalationId, commitmentId, action, dueAt } = event.data;
      const commitments =
        action === 'recommit' && dueAt
          ? patchCommitment(state, commitmentId, { stage: 'scheduled', dueAt })
          : patchCommitment(state, commitmentId, { stage: 'dropped' });
      return { ...next, commitments, escalations: without(state.escalations, escalationId) };
    }
    case 'CycleReviewed':
      return next;
    case 'CycleCompleted':
      return {
        ...next,
        status: 'completed',
        nextFollowUpAt: null,
        renewalDue: state.configuration?.playbook.autoRenew ?? false,
      };
    case 'CycleCancelled':
      return { ...next, status: 'cancelled', nextFollowUpAt: null };
    case 'CycleManagerChanged':
      return { ...next, managerId: event.data.toId };
    case 'CycleRenewed':
    case 'CycleRenewalSkipped':
      return { ...next, renewalDue: false };
  }
}

function pick(data: Extract<CycleEvent, { type: 'CycleStarted' }>['data']) {
  return {
    cycleId: data.cycleId,
    organisationId: data.organisationId,
    repId: data.repId,
    managerId: data.managerId,
  };
}

function patchCommitment(
  state: CycleState,
  commitmentId: string,
  patch: Partial<CommitmentState>,
): CycleState['commitments'] {
  const commitment = state.commitments[commitmentId];
  if (!commitment) return state.commitments;
  const patched = { ...commitment, ...patch };
  // A commitment rescheduled by a recommit has no check-in until its new due time.
  if (patch.stage === 'scheduled') delete patched.checkInTaskId;
  return { ...state.commitments, [commitmentId]: patched };
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}
