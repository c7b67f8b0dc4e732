import { notificationFor } from './notification-for';

const at = '2026-01-01T00:00:00.000Z';

describe('notifications', () => {
  it('notifies the escalation’s assignee of the level and the commitment', () => {
    expect(
      notificationFor({
        id: 'e',
        type: 'EscalationRaised',
        data: {
          escalationId: 'x',
          commitmentId: 'k',
          level: 2,
          role: 'leader',
          assigneeId: 'lead',
          taskId: 't',
          at,
        },
      }),
    ).toEqual({
      userId: 'lead',
      kind: 'escalation',
      taskId: 't',
      createdAt: at,
      details: { level: 2, commitmentId: 'k' },
    });
  });

  it('notifies the assignee of an overdue task', () => {
    expect(
      notificationFor({
        id: 'e',
        type: 'TaskOverdue',
        data: { taskId: 't', assigneeId: 'rep', dueAt: at, at },
      }),
    ).toMatchObject({ userId: 'rep', kind: 'task-overdue', taskId: 't' });
  });

  it('sends nothing for other events', () => {
    expect(
      notificationFor({ id: 'e', type: 'CycleCancelled', data: { reason: 'r', by: 'b', at } }),
    ).toBeUndefined();
  });
});
