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
