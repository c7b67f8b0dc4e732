import type { CommitmentStatus } from '@coachflow/contracts';
import type { CompleteTaskCommand, CycleContext } from './cycle-commands';
import type { Decision } from './cycle-decision';
import type { Diagnosis, Ratings } from './cycle-events';
import { laterOf, sortedTasks } from './cycle-order';
import type { CycleState } from './cycle-state';
import { miss } from './decide-escalations';
import { addIsoDuration } from './iso-duration';
import { rankGaps } from './rank-gaps';
import { resolveDue } from './resolve-due';
import { scoreChanges } from './score-changes';

/** What completing a task records: `TaskCompleted`, then its kind's outcome and the tasks that follow. */
export function decideTaskCompletion(
  decision: Decision,
  request: CompleteTaskCommand['data'],
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
