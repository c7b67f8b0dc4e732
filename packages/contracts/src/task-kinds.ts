/** The task kinds of a coaching cycle; part of the fixed HTTP contract (shared/API.md, "Tasks"). */
export const TASK_KINDS = [
  'self-assessment',
  'manager-assessment',
  'set-priorities',
  'observation',
  'coaching-session',
  'acknowledge-plan',
  'commitment-check-in',
  'resolve-escalation',
  'cycle-review',
  // Not in the fixed table: the manager's periodic check on the plan when a playbook sets followUpEvery.
  'follow-up',
] as const;

export type TaskKind = (typeof TASK_KINDS)[number];
