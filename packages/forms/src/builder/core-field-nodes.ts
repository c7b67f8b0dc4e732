import type { TaskKind } from '@coachflow/contracts';
import { TASK_CORE_FIELDS } from '../task-core-fields';
import type { CoreField } from './form-tree';

// Why each core field cannot go: what the cycle does with it. Shown beside the lock.
const REASONS: Record<string, string> = {
  ratings: 'The cycle compares these ratings; they are generated from the playbook’s rubric.',
  focusAreas: 'The cycle coaches on these focus areas.',
  diagnosis: 'The cycle records whether the gap is one of skill or will.',
  style: 'The cycle records the coaching style chosen for the rep.',
  commitments: 'The cycle follows up on each commitment when it falls due.',
  accepted: 'The cycle waits for the rep to accept the plan.',
  kept: 'The cycle escalates a commitment that was not kept.',
  action: 'The cycle recommits or drops the commitment on this answer.',
  due: 'A recommitment needs its new due date.',
};

const LABELS: Record<string, string> = {
  ratings: 'Ratings',
  focusAreas: 'Focus areas',
  diagnosis: 'Diagnosis',
  style: 'Coaching style',
  commitments: 'Commitments',
  accepted: 'I accept this plan',
  kept: 'Did you keep this commitment?',
  action: 'Action',
  due: 'New due date',
};

/** The keys of the fields `kind` requires, in the order a new form shows them. */
export function coreFieldKeys(kind: TaskKind | undefined): string[] {
  return kind ? Object.keys(TASK_CORE_FIELDS[kind].properties) : [];
}

/** The locked fields a new form for `kind` starts with. */
export function coreFieldNodes(kind: TaskKind | undefined): CoreField[] {
  return coreFieldKeys(kind).map((key) => ({ kind: 'core', key, label: LABELS[key] ?? '', help: '' }));
}

/** Why the core field `key` of `kind` is locked, in a sentence for the admin. */
export function coreFieldLockReason(kind: TaskKind, key: string): string {
  return `Every ${kind} form keeps this field. ${REASONS[key] ?? ''}`.trim();
}
