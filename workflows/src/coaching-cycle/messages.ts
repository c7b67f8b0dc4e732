import type { CyclePhase, CycleStatus } from '@coachflow/contracts';
import { defineQuery } from '@temporalio/workflow';

export interface CoachingCycleState {
  phase: CyclePhase;
  status: CycleStatus;
}

/** Where the cycle is now; defined once, used by the workflow and its clients. */
export const cycleStateQuery = defineQuery<CoachingCycleState>('cycleState');
