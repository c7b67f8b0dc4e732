import { climbAt, followUpDue, planOver } from './cycle-deadlines';
import type { CycleState } from './cycle-state';

/**
 * The earliest time a Tick would record something, strictly after `after` (the last Tick's time), or null
 * when only people can move the cycle on. A deadline at or before `after` that the last Tick left alone
 * (an escalation with nobody above) is not waited for again.
 */
export function nextDeadline(state: CycleState, after: string | null = null): string | null {
  if (state.status !== 'running' || !state.configuration) return null;
  const { playbook } = state.configuration;
  const candidates: string[] = [];
  for (const commitment of Object.values(state.commitments))
    if (commitment.stage === 'scheduled') candidates.push(commitment.dueAt);
  for (const task of Object.values(state.tasks))
    if (task.kind === 'commitment-check-in' || !task.overdue) candidates.push(task.dueAt);
  for (const escalation of Object.values(state.escalations))
    if (escalation.level < playbook.escalationLevels.length) candidates.push(climbAt(state, escalation));
  if (state.nextFollowUpAt && followUpDue(state, state.nextFollowUpAt)) candidates.push(state.nextFollowUpAt);
  if (state.planEndsAt && planOver(state, state.planEndsAt)) candidates.push(state.planEndsAt);
  const afterTime = after === null ? -Infinity : Date.parse(after);
  const times = candidates.map((at) => Date.parse(at)).filter((time) => time > afterTime);
  return times.length === 0 ? null : new Date(Math.min(...times)).toISOString();
}
