import { randomUUID } from 'node:crypto';
import { type CycleEvent, cycleStreamId } from '@coachflow/domain';
import { PostgresEventStore, ProjectionRunner } from '@coachflow/event-store';
import { eventually, integrationEnv } from '@coachflow/testing';
import { Pool } from 'pg';
import { LIVE_UPDATES_TABLE } from '../live-updates/live-update';
import { findProjection } from '../projections';
import { TASKS_TABLE } from './tasks.projection';

const pool = new Pool({ connectionString: integrationEnv().databaseUrl });
const store = new PostgresEventStore(pool);
afterAll(async () => {
  await store.close();
  await pool.end();
});

// The inbox as the worker runs it: set-based writes, with its live-update announcements.
const tasks = findProjection('tasks')!;
const second = (s: number) => new Date(Date.UTC(2026, 0, 5, 9, 0, s)).toISOString();

interface Cycle {
  cycleId: string;
  organisationId: string;
  repId: string;
  managerId: string;
  coachId: string;
  /** The check-in that is opened, overdue, reassigned twice and completed in the batch. */
  checkIn: string;
  /** Opened and left open. */
  session: string;
  /** Opened and closed. */
  escalation: string;
}

const newCycle = (): Cycle => ({
  cycleId: randomUUID(),
  organisationId: randomUUID(),
  repId: randomUUID(),
  managerId: randomUUID(),
  coachId: randomUUID(),
  checkIn: randomUUID(),
  session: randomUUID(),
  escalation: randomUUID(),
});

const opened = (taskId: string, assigneeId: string, at: number): CycleEvent => ({
  id: randomUUID(),
  type: 'TaskOpened',
  data: {
    taskId,
    kind: 'commitment-check-in',
    assigneeId,
    dueAt: second(50),
    context: { commitmentId: 'k1', note: 'a "quoted" \\ value' },
    form: { id: randomUUID(), version: 2 },
    openedAt: second(at),
  },
});

/** A cycle's start, then opens and changes of the same tasks interleaved, as one stream. */
function eventsOf(cycle: Cycle): CycleEvent[] {
  const { checkIn, session, escalation } = cycle;
  return [
    {
      id: randomUUID(),
      type: 'CycleStarted',
      data: {
        cycleId: cycle.cycleId,
        organisationId: cycle.organisationId,
        repId: cycle.repId,
        managerId: cycle.managerId,
        playbook: { id: randomUUID(), version: 1 },
        rubric: { id: randomUUID(), version: 3 },
        startedAt: second(0),
      },
    },
    opened(checkIn, cycle.repId, 1),
    opened(session, cycle.managerId, 2),
    {
      id: randomUUID(),
      type: 'TaskOverdue',
      data: { taskId: checkIn, assigneeId: cycle.repId, dueAt: second(2), at: second(3) },
    },
    {
      id: randomUUID(),
      type: 'TaskReassigned',
      data: {
        taskId: checkIn,
        fromId: cycle.repId,
        toId: cycle.managerId,
        reason: 'manager-changed',
        at: second(4),
      },
    },
    {
      id: randomUUID(),
      type: 'TaskOverdue',
      data: { taskId: checkIn, assigneeId: cycle.managerId, dueAt: second(2), at: second(5) },
    },
    {
      id: randomUUID(),
      type: 'TaskReassigned',
      data: {
        taskId: checkIn,
        fromId: cycle.managerId,
        toId: cycle.coachId,
        reason: 'manager-changed',
        at: second(6),
      },
    },
    opened(escalation, cycle.managerId, 7),
    {
      id: randomUUID(),
      type: 'TaskCompleted',
      data: {
        taskId: checkIn,
        kind: 'commitment-check-in',
        completedBy: cycle.coachId,
        completedAt: second(8),
      },
    },
    {
      id: randomUUID(),
      type: 'TaskClosed',
      data: { taskId: escalation, reason: 'escalation-resolved', closedAt: second(9) },
    },
  ] as CycleEvent[];
}

async function appendCycle(cycle: Cycle): Promise<void> {
  await store.appendToStream(cycleStreamId(cycle.cycleId), eventsOf(cycle), { expectedVersion: 'no-stream' });
}

/** The cycle's inbox rows, with ids replaced by what they are in the cycle, to compare two cycles. */
async function inboxOf(cycle: Cycle) {
  const names = new Map(Object.entries(cycle).map(([name, id]) => [id, name] as const));
  const { rows } = await pool.query<Record<string, unknown>>(
    `SELECT * FROM ${TASKS_TABLE} WHERE cycle_id = $1 ORDER BY opened_at`,
    [cycle.cycleId],
  );
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([column, value]) => [
        column,
        typeof value === 'string' && names.has(value) ? names.get(value) : value,
      ]),
    ),
  );
}

async function catchUp(runner: ProjectionRunner, cycle: Cycle): Promise<void> {
  // Eventually: the read fence waits for transactions in flight anywhere on the server.
  await eventually(async () => {
    await runner.catchUp();
    expect(await inboxOf(cycle)).toHaveLength(3);
  });
}

describe('the inbox projection', () => {
  beforeAll(() => new ProjectionRunner(pool, store, tasks).setUp());

  it('applies a batch mixing opens and changes of the same tasks in their order, and announces each', async () => {
    const cycle = newCycle();
    await appendCycle(cycle);
    await catchUp(new ProjectionRunner(pool, store, tasks, { batchSize: 500 }), cycle);

    expect(await inboxOf(cycle)).toEqual([
      expect.objectContaining({
        task_id: 'checkIn',
        organisation_id: 'organisationId',
        rep_id: 'repId',
        assignee_id: 'coachId',
        status: 'completed',
        completed_by: 'coachId',
        completed_at: new Date(second(8)),
        overdue_at: new Date(second(3)),
        opened_at: new Date(second(1)),
        updated_at: new Date(second(8)),
        closed_at: null,
        context: { commitmentId: 'k1', note: 'a "quoted" \\ value' },
        form_version: 2,
        rubric_version: 3,
      }),
      expect.objectContaining({
        task_id: 'session',
        assignee_id: 'managerId',
        status: 'open',
        updated_at: new Date(second(2)),
      }),
      expect.objectContaining({
        task_id: 'escalation',
        status: 'closed',
        close_reason: 'escalation-resolved',
        closed_at: new Date(second(9)),
        completed_at: null,
        overdue_at: null,
      }),
    ]);

    // Every task event is announced to the task's assignee, and a reassignment to the one it left too.
    const { rows } = await pool.query<{ user_id: string; type: string }>(
      `SELECT user_id, data->>'type' AS type FROM ${LIVE_UPDATES_TABLE}
        WHERE organisation_id = $1 AND data->>'taskId' = $2 ORDER BY position, user_id`,
      [cycle.organisationId, cycle.checkIn],
    );
    const heard = rows.map((row) => [row.type, row.user_id]);
    expect(heard).toHaveLength(8);
    expect(heard.filter(([type]) => type === 'TaskOpened')).toEqual([['TaskOpened', cycle.coachId]]);
    expect(heard.filter(([type]) => type === 'TaskReassigned')).toEqual(
      expect.arrayContaining([
        ['TaskReassigned', cycle.repId],
        ['TaskReassigned', cycle.managerId],
        ['TaskReassigned', cycle.coachId],
      ]),
    );
  });

  it('leaves the inbox as applying the events one batch each would', async () => {
    const together = newCycle();
    const apart = newCycle();
    await appendCycle(together);
    await catchUp(new ProjectionRunner(pool, store, tasks, { batchSize: 500 }), together);
    await appendCycle(apart);
    await catchUp(new ProjectionRunner(pool, store, tasks, { batchSize: 1 }), apart);

    // Form and rubric ids are drawn afresh for each cycle's events.
    const withoutConfiguration = (rows: Record<string, unknown>[]) =>
      rows.map(({ form_id: _form, rubric_id: _rubric, ...row }) => row);
    expect(withoutConfiguration(await inboxOf(apart))).toEqual(withoutConfiguration(await inboxOf(together)));
  });
});
