import { cycleWorkflowId } from '@coachflow/domain';
import type { Client } from '@temporalio/client';
import type { CoachingCycleInput } from './coaching-cycle.input';
import type { coachingCycle } from './coaching-cycle.workflow';
import {
  CoachingPhaseAttribute,
  CycleStatusAttribute,
  ManagerIdAttribute,
  RepIdAttribute,
} from './search-attributes';

/**
 * Starts a new cycle's workflow under the cycle's well-known id, with the search attributes a new cycle
 * has (the workflow upserts them as it moves on). Client side only, for the API and the renewing activity:
 * workflow code never imports it. Rejects with `WorkflowExecutionAlreadyStartedError` when it runs already.
 */
export async function startCoachingCycle(
  client: Client,
  taskQueue: string,
  input: CoachingCycleInput,
): Promise<void> {
  await client.workflow.start<typeof coachingCycle>('coachingCycle', {
    workflowId: cycleWorkflowId(input.cycleId),
    taskQueue,
    args: [input],
    typedSearchAttributes: [
      { key: RepIdAttribute, value: input.repId },
      { key: ManagerIdAttribute, value: input.managerId },
      { key: CoachingPhaseAttribute, value: 'prioritise' },
      { key: CycleStatusAttribute, value: 'running' },
    ],
  });
}
