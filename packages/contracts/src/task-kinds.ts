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
] as const;

export type TaskKind = (typeof TASK_KINDS)[number];
