import type { Pool } from 'pg';
import { formatTable } from './format-table';
import { percentile } from './percentile';

/**
 * One timed completion, every instant in epoch milliseconds on this machine's clock (the bench, the
 * workflow and Postgres share it): what the bench saw, and what the store recorded.
 */
export interface RoundTripTimeline {
  /** The bench sent the POST. */
  postedAt: number;
  /** The workflow decided the completion (`TaskCompleted.completedAt`, workflow time). */
  decidedAt: number;
  /** The recording local activity appended it (`recorded_at`: the append's transaction start). */
  recordedAt: number;
  /** The POST answered 200. */
  answeredAt: number;
  /** The projection batch that opened the next task began (its live-update row's `created_at`). */
  projectingAt: number;
  /** The next person's live stream delivered the message carrying the next task. */
  announcedAt: number;
  /** The next person's inbox, fetched after the message, held the task. */
  visibleAt: number;
}

/** A timeline as the client saw it, with the completed task and the next one, to look up the store's instants. */
export type TimedRoundTrip = RoundTripTimeline & { taskId: string; nextTaskId: string; label?: string };

/** A stretch of the round trip, from one instant to another. */
interface Segment {
  name: string;
  from: keyof RoundTripTimeline;
  to: keyof RoundTripTimeline;
}

/** The stretches reported, in order: the POST's path, then the next task's path after the append. */
export const ROUND_TRIP_SEGMENTS: readonly Segment[] = [
  {
    name: 'POST → decided (HTTP, session, task read, form check, Update to the workflow)',
    from: 'postedAt',
    to: 'decidedAt',
  },
  { name: 'decided → recorded (local activity scheduled, append)', from: 'decidedAt', to: 'recordedAt' },
  {
    name: 'recorded → 200 (activity done, workflow task, Update answer, API answer)',
    from: 'recordedAt',
    to: 'answeredAt',
  },
  { name: 'recorded → projection batch began (wake-up)', from: 'recordedAt', to: 'projectingAt' },
  {
    name: 'projection began → stream message (apply, commit, NOTIFY, API)',
    from: 'projectingAt',
    to: 'announcedAt',
  },
  { name: 'stream message → inbox fetched', from: 'announcedAt', to: 'visibleAt' },
  { name: '200 → next task in the inbox', from: 'answeredAt', to: 'visibleAt' },
  { name: 'POST → next task in the inbox (the round trip)', from: 'postedAt', to: 'visibleAt' },
];

export interface SegmentSummary {
  name: string;
  p50Ms: number;
  p99Ms: number;
}

/** Each segment's p50 and p99 over the timelines (segments are summarised apart: their p99s do not add). */
export function summarizeSegments(timelines: readonly RoundTripTimeline[]): SegmentSummary[] {
  return ROUND_TRIP_SEGMENTS.map(({ name, from, to }) => {
    const spans = timelines.map((timeline) => timeline[to] - timeline[from]).filter(Number.isFinite);
    return { name, p50Ms: percentile(spans, 50), p99Ms: percentile(spans, 99) };
  });
}

export function formatSegments(segments: readonly SegmentSummary[]): string {
  const fixed = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '-');
  return formatTable(
    ['round trip segment (ms)', 'p50', 'p99'],
    segments.map((segment) => [segment.name, fixed(segment.p50Ms), fixed(segment.p99Ms)]),
  );
}

/**
 * The store's instants of each announced round trip: when the workflow decided the completion and the
 * append recorded it (its TaskCompleted), and when the projection batch that opened the next task began
 * (the live-update row it wrote for the next person).
 */
export async function storedInstants(
  pool: Pool,
  timelines: readonly TimedRoundTrip[],
): Promise<(RoundTripTimeline & { label?: string })[]> {
  const { rows: completed } = await pool.query<{ task_id: string; decided: string; recorded: string }>(
    `SELECT data->>'taskId' AS task_id,
            EXTRACT(EPOCH FROM (data->>'completedAt')::timestamptz) * 1000 AS decided,
            EXTRACT(EPOCH FROM recorded_at) * 1000 AS recorded
       FROM events WHERE event_type = 'TaskCompleted' AND data->>'taskId' = ANY($1::text[])`,
    [timelines.map((timeline) => timeline.taskId)],
  );
  const { rows: opened } = await pool.query<{ task_id: string; projecting: string }>(
    `SELECT e.data->>'taskId' AS task_id, EXTRACT(EPOCH FROM min(l.created_at)) * 1000 AS projecting
       FROM events e JOIN live_updates l ON l.position = e.global_position AND l.kind = 'task'
      WHERE e.event_type = 'TaskOpened' AND e.data->>'taskId' = ANY($1::text[])
      GROUP BY e.data->>'taskId'`,
    [timelines.map((timeline) => timeline.nextTaskId)],
  );
  const decided = new Map(completed.map((row) => [row.task_id, row]));
  const projecting = new Map(opened.map((row) => [row.task_id, Number(row.projecting)]));
  return timelines.map(({ taskId, nextTaskId, ...timeline }) => {
    const projectingAt = projecting.get(nextTaskId) ?? Number.NaN;
    return {
      ...timeline,
      decidedAt: Number(decided.get(taskId)?.decided ?? Number.NaN),
      recordedAt: Number(decided.get(taskId)?.recorded ?? Number.NaN),
      // A next task opened before the POST (the manager's assessment opens with the self-assessment) was
      // not projected in this round trip.
      projectingAt: projectingAt >= timeline.postedAt ? projectingAt : Number.NaN,
    };
  });
}
