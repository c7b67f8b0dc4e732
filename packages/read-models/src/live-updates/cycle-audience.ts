import { cycleIdOfStream } from '../cycle-id-of-stream';
import { CYCLE_SUMMARIES_TABLE } from '../cycle-summaries/cycle-summaries.projection';
import type { LiveUpdate } from './live-update';
import type { LiveAudience } from './with-live-updates';

interface CycleRow {
  cycleId: string;
  organisationId: string;
  repId: string;
  managerId: string;
  escalations: { assigneeId: string }[];
}

/** The rep, the manager and everyone an escalation of the cycle went to hear of each change to it. */
export const cycleAudience: LiveAudience = async (events, { db, table }) => {
  const changes = events.flatMap((event) => {
    const cycleId = cycleIdOfStream(event.streamId);
    return cycleId ? [{ event, cycleId }] : [];
  });
  if (changes.length === 0) return [];
  const { rows } = await db.query<CycleRow>(
    `SELECT cycle_id AS "cycleId", organisation_id AS "organisationId", rep_id AS "repId",
            manager_id AS "managerId", escalations
       FROM ${table(CYCLE_SUMMARIES_TABLE)} WHERE cycle_id = ANY($1::uuid[])`,
    [[...new Set(changes.map((change) => change.cycleId))]],
  );
  const cycles = new Map(rows.map((row) => [row.cycleId, row]));
  return changes.flatMap(({ event, cycleId }): LiveUpdate[] => {
    const cycle = cycles.get(cycleId);
    if (!cycle) return [];
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
};
