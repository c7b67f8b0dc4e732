import { cycleStarted, cycleStreamId } from '@coachflow/domain';
import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { CoachingCycleActivities } from './activities';
import type { CoachingCycleInput } from './coaching-cycle.input';
import { type CoachingCycleState, cycleStateQuery } from './messages';

const { recordCycleEvents } = proxyActivities<CoachingCycleActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/**
 * One coaching cycle. This first version records the start and then waits for cancellation: the walking
 * skeleton that proves API, Temporal, worker and event store are wired; the phases come next.
 */
export async function coachingCycle(input: CoachingCycleInput): Promise<void> {
  const state: CoachingCycleState = { phase: 'prioritise', status: 'running', openTaskIds: [] };
  setHandler(cycleStateQuery, () => state);

  // Workflow time is deterministic, so the recorded start time is the same on every replay.
  const startedAt = new Date().toISOString();
  await recordCycleEvents({
    streamId: cycleStreamId(input.cycleId),
    events: [
      cycleStarted({
        cycleId: input.cycleId,
        organisationId: input.organisationId,
        repId: input.repId,
        managerId: input.managerId,
        playbook: { id: input.configuration.playbook.id, version: input.configuration.playbook.version },
        startedAt,
      }),
    ],
  });

  await condition(() => false);
}
