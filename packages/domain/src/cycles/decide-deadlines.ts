import type { CycleContext, ReportingChain } from './cycle-commands';
import type { Decision } from './cycle-decision';
import { climbAt, followUpDue, planOver } from './cycle-deadlines';
import { byKey, sortedCommitments, sortedTasks } from './cycle-order';
import { miss, raise } from './decide-escalations';
import { escalationAssignee } from './escalation-assignee';
import { addIsoDuration } from './iso-duration';

/** Fires every deadline that has passed by `ctx.now`, in a fixed order so a replay decides the same. */
export function decideDeadlines(
  decision: Decision,
  chain: ReportingChain | undefined,
  ctx: CycleContext,
): void {
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
