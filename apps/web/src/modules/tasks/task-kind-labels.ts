import type { TaskKind } from '#web/api/types';

/** Each task kind in plain words, as a person would say what they have to do. */
export const TASK_KIND_LABELS: Record<TaskKind, string> = {
  'self-assessment': 'Rate yourself',
  'manager-assessment': 'Rate your rep',
  'set-priorities': 'Set the focus areas',
  observation: 'Observe your rep at work',
  'coaching-session': 'Hold the coaching session',
  'acknowledge-plan': 'Accept the coaching plan',
  'commitment-check-in': 'Check in on a commitment',
  'resolve-escalation': 'Resolve a missed commitment',
  'cycle-review': 'Review the cycle',
  'follow-up': 'Follow up on the plan',
};

/** Each task kind as the name of a step of the cycle, for admins configuring forms and playbooks. */
export const TASK_KIND_NAMES: Record<TaskKind, string> = {
  'self-assessment': 'Self-assessment',
  'manager-assessment': 'Manager assessment',
  'set-priorities': 'Set priorities',
  observation: 'Observation',
  'coaching-session': 'Coaching session',
  'acknowledge-plan': 'Plan acknowledgement',
  'commitment-check-in': 'Commitment check-in',
  'resolve-escalation': 'Escalation',
  'cycle-review': 'Cycle review',
  'follow-up': 'Follow-up',
};
