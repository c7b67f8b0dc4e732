import { stepEventId } from '../events';
import type { CycleStarted, CycleStartedData } from './cycle-events';
import { cycleWorkflowId } from './cycle-workflow-id';

/** Builds the first event of a cycle; `startedAt` comes from the caller (workflow time), never the clock. */
export function cycleStarted(data: CycleStartedData): CycleStarted {
  return { id: stepEventId(cycleWorkflowId(data.cycleId), 'cycle-started'), type: 'CycleStarted', data };
}
