import type { PinnedCycleConfiguration } from '@coachflow/domain';

/** What the API hands a new cycle; everything the workflow needs is pinned here, so it never reads config. */
export interface CoachingCycleInput {
  cycleId: string;
  organisationId: string;
  repId: string;
  managerId: string;
  configuration: PinnedCycleConfiguration;
  /** The cycle this one renews (autoRenew), if any. */
  previousCycleId?: string;
  /**
   * Set only by continue-as-new: the cycle's state so far, so the new run resumes where the last one
   * stopped (history stays bounded on long plans). Opaque to callers.
   */
  resume?: unknown;
  /**
   * History length (events) after which a run continues as new, besides Temporal's own suggestion. Tests
   * set it low to exercise continue-as-new; production leaves the default (10,000).
   */
  continueAsNewAfter?: number;
}
