import { taskChange } from './task-change';

const at = '2026-01-01T00:00:00.000Z';

describe('inbox changes', () => {
  it('opens a task with everything the event says about it', () => {
    const task = {
      taskId: 't1',
      kind: 'commitment-check-in' as const,
      assigneeId: 'rep',
      dueAt: at,
      context: { commitmentId: 'k1' },
      form: { id: 'f1', version: 3 },
      openedAt: at,
    };
    expect(taskChange({ id: 'e', type: 'TaskOpened', data: task })).toEqual({ op: 'open', task });
  });

  it('completes, closes, reassigns and marks a task overdue', () => {
    expect(
      taskChange({
        id: 'e',
        type: 'TaskCompleted',
        data: { taskId: 't', kind: 'observation', completedBy: 'm', completedAt: at },
      }),
    ).toEqual({ op: 'complete', taskId: 't', by: 'm', at });
    expect(
      taskChange({
        id: 'e',
        type: 'TaskClosed',
        data: { taskId: 't', reason: 'cycle-cancelled', closedAt: at },
      }),
    ).toEqual({ op: 'close', taskId: 't', reason: 'cycle-cancelled', at });
    expect(
      taskChange({
        id: 'e',
        type: 'TaskReassigned',
        data: { taskId: 't', fromId: 'a', toId: 'b', reason: 'manager-changed', at },
      }),
    ).toEqual({ op: 'reassign', taskId: 't', toId: 'b', at });
    expect(
      taskChange({ id: 'e', type: 'TaskOverdue', data: { taskId: 't', assigneeId: 'a', dueAt: at, at } }),
    ).toEqual({
      op: 'overdue',
      taskId: 't',
      at,
    });
  });

  it('changes no task for other events', () => {
    expect(
      taskChange({ id: 'e', type: 'CycleCancelled', data: { reason: 'r', by: 'b', at } }),
    ).toBeUndefined();
  });
});
