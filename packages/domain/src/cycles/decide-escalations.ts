import type { ReportingChain } from './cycle-commands';
import type { CycleContext } from './cycle-commands';
import type { Decision } from './cycle-decision';
import { escalationAssignee } from './escalation-assignee';
import { addIsoDuration } from './iso-duration';

/** Records a missed commitment, an execution concern on the second miss, and raises its escalation. */
export function miss(
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

/** Raises an escalation to `level` with its resolve-escalation task. */
export function raise(
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
