/** Phases, statuses and event names of a coaching cycle as the HTTP contract spells them. */
export const CYCLE_PHASES = ['prioritise', 'facilitate', 'improve'] as const;
export type CyclePhase = (typeof CYCLE_PHASES)[number];

export const CYCLE_STATUSES = ['running', 'completed', 'cancelled'] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];

export const COMMITMENT_STATUSES = ['open', 'kept', 'missed', 'dropped'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

export const CYCLE_EVENT_TYPES = [
  'CycleStarted',
  'SelfAssessmentSubmitted',
  'ManagerAssessmentSubmitted',
  'PrioritiesSet',
  'CoachingSessionHeld',
  'CommitmentMade',
  'PlanAcknowledged',
  'CommitmentKept',
  'CommitmentMissed',
  'EscalationRaised',
  'EscalationResolved',
  'CycleReviewed',
  'CycleCompleted',
  'CycleCancelled',
] as const;
export type CycleEventType = (typeof CYCLE_EVENT_TYPES)[number];
