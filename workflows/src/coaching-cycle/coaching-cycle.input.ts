import type { StartCycleCommand } from '@coachflow/domain';

type StartCycleData = StartCycleCommand['data'];

/**
 * What the API hands a new cycle: the StartCycle command's data (everything the workflow needs is pinned
 * there, so it never reads config), plus what only the workflow's runs pass on.
 */
export interface CoachingCycleInput extends StartCycleData {
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
