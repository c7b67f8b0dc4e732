import { cycleStreamId, cycleWorkflowId } from '@coachflow/domain';
import { PostgresEventStore } from '@coachflow/event-store';
import type { Pool } from 'pg';

/** Every completion a client sent, with every answer it got (a status, or `network` when none came). */
export class CompletionLedger {
  private readonly answers = new Map<string, (number | 'network')[]>();

  note(taskId: string, answer: number | 'network'): void {
    this.answers.set(taskId, [...(this.answers.get(taskId) ?? []), answer]);
  }

  /** Tasks whose completion some client was told succeeded (a 200). */
  acknowledged(): string[] {
    return [...this.answers].filter(([, answers]) => answers.includes(200)).map(([taskId]) => taskId);
  }

  /** Tasks answered 200 more than once: the same completion acknowledged twice. */
  acknowledgedTwice(): string[] {
    return [...this.answers]
      .filter(([, answers]) => answers.filter((answer) => answer === 200).length > 1)
      .map(([taskId]) => taskId);
  }
}

export interface StreamVerdict {
  streams: number;
  events: number;
  /** Acknowledged completions with no TaskCompleted in their stream. */
  lost: string[];
  /** Tasks completed or opened more than once, events stored twice. */
  duplicated: string[];
  /** Streams whose versions are not 1..n, or whose event ids do not follow them. */
  gaps: string[];
  /** Inbox rows that disagree with the stream (the tasks projection ran twice, or skipped an event). */
  inboxMismatches: string[];
}

/**
 * Reads every event of the cycles' streams through the event store and checks them as a whole: versions
 * without gaps, ids that follow them, no task opened or completed twice, every acknowledged completion
 * stored, and the inbox (tasks projection) agreeing with the streams once it has caught up.
 */
export async function verifyCycleStreams(
  pool: Pool,
  cycleIds: string[],
  ledger: CompletionLedger,
): Promise<StreamVerdict> {
  const store = new PostgresEventStore(pool);
  const streams = await Promise.all(cycleIds.map((cycleId) => store.readStream(cycleStreamId(cycleId))));
  const verdict: StreamVerdict = {
    streams: 0,
    events: streams.reduce((sum, stream) => sum + stream.length, 0),
    lost: [],
    duplicated: [],
    gaps: [],
    inboxMismatches: [],
  };
  const completed = new Map<string, number>();
  const opened = new Map<string, number>();
  const expectedStatus = new Map<string, string>();
  for (const [index, cycleId] of cycleIds.entries()) {
    const stream = streams[index] ?? [];
    if (stream.length > 0) verdict.streams += 1;
    const inOrder = stream.every(
      (event, position) =>
        event.streamVersion === position + 1 && event.id === `${cycleWorkflowId(cycleId)}/${position + 1}`,
    );
    if (!inOrder) verdict.gaps.push(cycleId);
    for (const event of stream) {
      const taskId = event.data['taskId'];
      if (typeof taskId !== 'string') continue;
      if (event.type === 'TaskOpened') {
        opened.set(taskId, (opened.get(taskId) ?? 0) + 1);
        expectedStatus.set(taskId, 'open');
      }
      if (event.type === 'TaskCompleted') {
        completed.set(taskId, (completed.get(taskId) ?? 0) + 1);
        expectedStatus.set(taskId, 'completed');
      }
      if (event.type === 'TaskClosed') expectedStatus.set(taskId, 'closed');
    }
  }
  for (const [taskId, count] of [...opened, ...completed]) if (count > 1) verdict.duplicated.push(taskId);
  verdict.duplicated.push(...ledger.acknowledgedTwice());
  verdict.lost = ledger.acknowledged().filter((taskId) => !completed.has(taskId));
  const inbox = await pool.query<{ task_id: string; status: string }>(
    `SELECT task_id, status FROM tasks WHERE cycle_id = ANY($1::uuid[])`,
    [cycleIds],
  );
  const inboxStatus = new Map(inbox.rows.map((row) => [row.task_id, row.status]));
  for (const [taskId, status] of expectedStatus)
    if (inboxStatus.get(taskId) !== status)
      verdict.inboxMismatches.push(`${taskId}: stream ${status}, inbox ${inboxStatus.get(taskId) ?? 'none'}`);
  if (inboxStatus.size !== expectedStatus.size)
    verdict.inboxMismatches.push(`inbox ${inboxStatus.size} tasks, streams ${expectedStatus.size}`);
  return verdict;
}
