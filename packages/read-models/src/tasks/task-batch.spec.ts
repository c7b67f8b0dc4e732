import type { CycleEvent } from '@coachflow/domain';
import { taskBatch } from './task-batch';

const at = (second: number) => `2026-01-01T00:00:${String(second).padStart(2, '0')}.000Z`;
const opened = (taskId: string, second: number): CycleEvent => ({
  id: `open-${taskId}-${second}`,
  type: 'TaskOpened',
  data: {
    taskId,
    kind: 'commitment-check-in',
    assigneeId: 'rep',
    dueAt: at(59),
    context: {},
    form: null,
    openedAt: at(second),
  },
});
const completed = (taskId: string, by: string, second: number): CycleEvent => ({
  id: `done-${taskId}-${second}`,
  type: 'TaskCompleted',
  data: { taskId, kind: 'commitment-check-in', completedBy: by, completedAt: at(second) },
});
const overdue = (taskId: string, second: number): CycleEvent => ({
  id: `late-${taskId}-${second}`,
  type: 'TaskOverdue',
  data: { taskId, assigneeId: 'rep', dueAt: at(0), at: at(second) },
});
const reassigned = (taskId: string, toId: string, second: number): CycleEvent => ({
  id: `moved-${taskId}-${second}`,
  type: 'TaskReassigned',
  data: { taskId, fromId: 'rep', toId, reason: 'manager-changed', at: at(second) },
});
const closed = (taskId: string, second: number): CycleEvent => ({
  id: `closed-${taskId}-${second}`,
  type: 'TaskClosed',
  data: { taskId, reason: 'cycle-cancelled', closedAt: at(second) },
});
const inCycle = (...events: CycleEvent[]) => events.map((event) => ({ event, cycleId: 'c1' }));

describe('a batch of inbox changes', () => {
  it('opens each task once, the first open winning', () => {
    const { opens, patches } = taskBatch(inCycle(opened('t1', 1), opened('t2', 2), opened('t1', 3)));
    expect(opens.map(({ task }) => [task.taskId, task.openedAt])).toEqual([
      ['t1', at(1)],
      ['t2', at(2)],
    ]);
    expect(opens.every(({ cycleId }) => cycleId === 'c1')).toBe(true);
    expect(patches).toEqual([]);
  });

  it("folds a task's changes in order: last completion, reassignment and change time, first overdue time", () => {
    const { opens, patches } = taskBatch(
      inCycle(
        opened('t1', 1),
        overdue('t1', 2),
        reassigned('t1', 'manager', 3),
        overdue('t1', 4),
        reassigned('t1', 'coach', 5),
        completed('t1', 'coach', 6),
      ),
    );
    expect(opens).toHaveLength(1);
    expect(patches).toEqual([
      {
        taskId: 't1',
        status: 'completed',
        completedBy: 'coach',
        completedAt: at(6),
        closeReason: null,
        closedAt: null,
        assigneeId: 'coach',
        overdueAt: at(2),
        updatedAt: at(6),
      },
    ]);
  });

  it('keeps what a completion recorded when a closure follows it, with the closure as the status', () => {
    const { patches } = taskBatch(inCycle(completed('t1', 'rep', 1), closed('t1', 2)));
    expect(patches).toEqual([
      expect.objectContaining({
        status: 'closed',
        completedBy: 'rep',
        completedAt: at(1),
        closeReason: 'cycle-cancelled',
        closedAt: at(2),
        updatedAt: at(2),
      }),
    ]);
  });

  it('patches each task apart and ignores events that change no task', () => {
    const { patches } = taskBatch(
      inCycle(
        completed('t1', 'rep', 1),
        { id: 'x', type: 'CycleCancelled', data: {} } as never,
        closed('t2', 2),
      ),
    );
    expect(patches.map((patch) => [patch.taskId, patch.status])).toEqual([
      ['t1', 'completed'],
      ['t2', 'closed'],
    ]);
  });
});
