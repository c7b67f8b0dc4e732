import type { CycleEvent, CycleStartedData } from '@coachflow/domain';
import type { ProjectionTable, RecordedEvent } from '@coachflow/event-store';
import type { PoolClient } from 'pg';
import { asCycleEvent } from './as-cycle-event';
import { cycleIdOfStream } from './cycle-id-of-stream';

export interface CycleDirectoryEntry {
  organisationId: string;
  repId: string;
  /** The rubric the cycle pinned (null for cycles started before configuration existed). */
  rubricId: string | null;
  rubricVersion: number | null;
}

/**
 * A projection's private lookup from cycle to organisation, rep and pinned rubric, filled from
 * CycleStarted: task and notification events do not repeat them, and reading another projection's table
 * would tie this one to that one's progress.
 */
export function cycleDirectoryTable(name: string): ProjectionTable {
  return {
    name,
    create: (table) => [
      `CREATE TABLE ${table} (
        cycle_id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL,
        rep_id uuid NOT NULL,
        rubric_id uuid,
        rubric_version integer
      )`,
    ],
  };
}

/** A cycle stream's event (other than CycleStarted) with the id of its cycle. */
export interface EventOfCycle {
  event: CycleEvent;
  cycleId: string;
}

/**
 * A batch as a projection with a cycle directory sees it: the batch's CycleStarted events fill the
 * directory `table` (one statement), and every other event of a cycle stream is returned with its cycle
 * id, in order; events of other streams are skipped. Callers read organisation and rep by joining the
 * directory on `cycle_id`. A cycle's CycleStarted precedes its other events, so filling the directory
 * first is the order the events were recorded in.
 */
export async function withCycleDirectory(
  events: readonly RecordedEvent[],
  db: PoolClient,
  table: string,
): Promise<EventOfCycle[]> {
  const started: CycleStartedData[] = [];
  const others: EventOfCycle[] = [];
  for (const event of events) {
    const cycleId = cycleIdOfStream(event.streamId);
    if (!cycleId) continue;
    if (event.type === 'CycleStarted') started.push(event.data as unknown as CycleStartedData);
    else others.push({ event: asCycleEvent(event), cycleId });
  }
  if (started.length > 0) await rememberCycles(db, table, started);
  return others;
}

async function rememberCycles(db: PoolClient, table: string, started: CycleStartedData[]): Promise<void> {
  await db.query(
    `INSERT INTO ${table} (cycle_id, organisation_id, rep_id, rubric_id, rubric_version)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::integer[])
     ON CONFLICT (cycle_id) DO NOTHING`,
    [
      started.map((data) => data.cycleId),
      started.map((data) => data.organisationId),
      started.map((data) => data.repId),
      started.map((data) => data.rubric?.id ?? null),
      started.map((data) => data.rubric?.version ?? null),
    ],
  );
}
