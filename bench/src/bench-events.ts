import { type CycleStartedData, stepEventId } from '@coachflow/domain';
import type { BenchEvent } from './append-target';

/**
 * `count` events for `streamId` that continue after `version`: a cycle-start-sized payload with the
 * correlation metadata production writes, and ids unique per stream position.
 */
export function benchEvents(streamId: string, version: number, count: number): BenchEvent[] {
  return Array.from({ length: count }, (_, i) => {
    const position = version + i + 1;
    const data: CycleStartedData = {
      cycleId: streamId,
      organisationId: 'org-bench',
      repId: `rep-${position % 97}`,
      managerId: 'manager-bench',
      playbook: { id: 'playbook-discovery-call', version: 3 },
      startedAt: '2025-01-01T09:00:00.000Z',
    };
    return {
      id: stepEventId(streamId, `event-${position}`),
      type: 'CycleStarted',
      data: { ...data },
      metadata: { correlationId: `${streamId}/${position}`, actorId: 'user-bench', source: 'bench' },
    };
  });
}
