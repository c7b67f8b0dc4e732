import type { CycleState, EscalationState } from './cycle-state';
import { addIsoDuration } from './iso-duration';

// The deadline rules decideCycle fires and nextDeadline waits for, in one place so the two never disagree.

/** When an escalation climbs to its next level (whether there is one is the caller's question). */
export function climbAt(state: CycleState, escalation: Pick<EscalationState, 'levelSince'>): string {
  return addIsoDuration(escalation.levelSince, state.configuration!.playbook.timings.escalateAfter);
}

/** The manager's next periodic follow-up is due (only while the plan runs and before its review). */
export function followUpDue(state: CycleState, now: string): boolean {
  const at = state.nextFollowUpAt;
  return (
    state.phase === 'improve' &&
    !state.reviewOpened &&
    !!state.configuration?.playbook.timings.followUpEvery &&
    !!at &&
    !!state.planEndsAt &&
    Date.parse(at) <= Date.parse(now) &&
    Date.parse(at) < Date.parse(state.planEndsAt) &&
    // A Tick that comes late (a worker was down) after the plan ended opens no follow-up: the review is next.
    Date.parse(now) < Date.parse(state.planEndsAt)
  );
}

/** The plan has run its length and every accepted commitment is settled (kept or dropped). */
export function planOver(state: CycleState, now: string): boolean {
  return (
    state.phase === 'improve' &&
    !state.reviewOpened &&
    !!state.planEndsAt &&
    Date.parse(state.planEndsAt) <= Date.parse(now) &&
    allCommitmentsSettled(state)
  );
}

/** Every commitment of an accepted plan is kept or dropped. */
export function allCommitmentsSettled(state: CycleState): boolean {
  return Object.values(state.commitments).every((commitment) =>
    ['proposed', 'rejected', 'kept', 'dropped'].includes(commitment.stage),
  );
}
