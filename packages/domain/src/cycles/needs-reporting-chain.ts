import type { CycleCommand } from './cycle-commands';
import { climbAt } from './cycle-deadlines';
import type { CycleState } from './cycle-state';

/**
 * Whether deciding `command` may raise or climb an escalation, so the caller should first read the rep's
 * reporting chain (an activity in the workflow) and pass it in the command. `now` is the decision's time.
 */
export function needsReportingChain(command: CycleCommand, state: CycleState, now: string): boolean {
  if (state.status !== 'running' || !state.configuration) return false;
  const passed = (at: string) => Date.parse(at) <= Date.parse(now);
  if (command.type === 'CompleteTask')
    return (
      state.tasks[command.data.taskId]?.kind === 'commitment-check-in' && command.data.data['kept'] === false
    );
  if (command.type !== 'Tick') return false;
  const levels = state.configuration.playbook.escalationLevels.length;
  return (
    Object.values(state.tasks).some((task) => task.kind === 'commitment-check-in' && passed(task.dueAt)) ||
    Object.values(state.escalations).some(
      (escalation) => escalation.level < levels && passed(climbAt(state, escalation)),
    )
  );
}
