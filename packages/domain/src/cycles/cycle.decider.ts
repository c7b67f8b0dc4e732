import { completeTaskRejection } from './complete-task-rejection';
import type { CycleCommand, CycleContext } from './cycle-commands';
import { Decision } from './cycle-decision';
import type { CycleEvent } from './cycle-events';
import { CycleRuleCode, CycleRuleError } from './cycle-rule.error';
import type { CycleState } from './cycle-state';
import { cycleWorkflowId } from './cycle-workflow-id';
import { decideDeadlines } from './decide-deadlines';
import { decideManagerChange, decideTaskReassignment } from './decide-staffing';
import { decideTaskCompletion } from './decide-task-completion';
import { addIsoDuration } from './iso-duration';

/** What one command decided: its events, and the state with each of them folded in (once). */
export interface CycleDecision {
  events: CycleEvent[];
  state: CycleState;
}

/**
 * The coaching cycle's rules: given its state, what a command records (pure; time and ids come in through
 * `ctx`). Throws CycleRuleError for a command the cycle refuses. Emmett-style decider with evolveCycle and
 * initialCycleState; each concern decides in a file of its own (task completion, deadlines, staffing).
 */
export function decideCycle(command: CycleCommand, state: CycleState, ctx: CycleContext): CycleDecision {
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
    return decision.result();
  }

  if (command.type === 'RecordRenewal') {
    if (!state.renewalDue)
      throw new CycleRuleError(CycleRuleCode.NotRunning, 'The cycle has no renewal to record.');
    const decision = new Decision(state, ctx, cycleWorkflowId(state.cycleId));
    const { nextCycleId, started, reason } = command.data;
    if (started) decision.emit('CycleRenewed', { nextCycleId, at: ctx.now });
    else decision.emit('CycleRenewalSkipped', { reason: reason ?? 'not started', at: ctx.now });
    return decision.result();
  }

  if (state.status !== 'running' || !state.configuration) {
    if (command.type === 'Tick') return { events: [], state };
    throw new CycleRuleError(CycleRuleCode.NotRunning, 'The cycle is not running.');
  }
  const decision = new Decision(state, ctx, cycleWorkflowId(state.cycleId));
  switch (command.type) {
    case 'CompleteTask': {
      // Checked again here, not only in the workflow's validator: a command queued meanwhile may have
      // closed the task or changed what its data must fit.
      const rejection = completeTaskRejection(state, command.data, ctx.now);
      if (rejection) throw rejection;
      decideTaskCompletion(decision, command.data, ctx);
      break;
    }
    case 'Tick':
      decideDeadlines(decision, command.data.chain, ctx);
      break;
    case 'CancelCycle':
      for (const taskId of Object.keys(state.tasks)) decision.closeTask(taskId, 'cycle-cancelled');
      decision.emit('CycleCancelled', { ...command.data, at: ctx.now });
      break;
    case 'ChangeManager':
      decideManagerChange(decision, command.data, ctx);
      break;
    case 'ReassignTasks':
      decideTaskReassignment(decision, command.data, ctx);
      break;
  }
  return decision.result();
}
