import { cycleIdOfStream } from '../cycle-id-of-stream';
import type { CycleSummary } from '../cycle-summaries/cycle-summary';
import type { LiveUpdate } from './live-update';
import type { LiveAudience } from './with-live-updates';

/** The rep, the manager and everyone an escalation of the cycle went to hear of each change to it. */
export const cycleAudience: LiveAudience<Map<string, CycleSummary>> = (events, summaries) =>
  events.flatMap((event): LiveUpdate[] => {
    const cycleId = cycleIdOfStream(event.streamId);
    const cycle = cycleId ? summaries.get(cycleId) : undefined;
    if (!cycleId || !cycle) return [];
    return [
      {
        position: event.globalPosition,
        kind: 'cycle',
        organisationId: cycle.organisationId,
        userIds: [
          cycle.repId,
          cycle.managerId,
          ...cycle.escalations.map((escalation) => escalation.assigneeId),
        ],
        data: { type: event.type, cycleId },
      },
    ];
  });
