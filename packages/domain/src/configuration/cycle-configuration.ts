import type { PlaybookBody } from '@coachflow/contracts';
// The subpath, not the package: its index builds every HTTP schema at load, and each workflow run loads
// the domain afresh in Temporal's sandbox.
import { TASK_KINDS, type TaskKind } from '@coachflow/contracts/task-kinds';
import type { PinnedCycleConfiguration } from '../cycles/cycle-events';

/**
 * The form of every task kind a cycle on this playbook uses: the playbook's own where it names one, else
 * the organisation's default form for the kind.
 */
export function cycleFormIds(
  forms: PlaybookBody['forms'],
  defaultFormId: (kind: TaskKind) => string,
): Record<TaskKind, string> {
  return Object.fromEntries(TASK_KINDS.map((kind) => [kind, forms?.[kind] ?? defaultFormId(kind)])) as Record<
    TaskKind,
    string
  >;
}

/** The playbook part of a cycle's pinned configuration, from one published version of it. */
export function pinnedPlaybook(
  id: string,
  version: number,
  body: PlaybookBody,
): PinnedCycleConfiguration['playbook'] {
  return {
    id,
    version,
    name: body.name,
    timings: body.timings,
    escalationLevels: body.escalation.levels,
    maxFocusAreas: body.maxFocusAreas,
    observation: body.observation,
    autoRenew: body.autoRenew,
  };
}
