import type { PinnedVersion } from '@coachflow/domain';

/** What the API hands a new cycle; everything the workflow needs is pinned here, so it never reads config. */
export interface CoachingCycleInput {
  cycleId: string;
  organisationId: string;
  repId: string;
  managerId: string;
  playbook: PinnedVersion;
}
