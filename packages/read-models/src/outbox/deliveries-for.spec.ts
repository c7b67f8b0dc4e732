import type { CycleEvent } from '@coachflow/domain';
import { deliveriesFor, DUE_SOON_BEFORE_MS } from './deliveries-for';

const cycle = { organisationId: 'org', repId: 'rep' };
const at = '2026-01-01T09:00:00.000Z';
const made = { title: 'Call five lapsed customers', dueAt: at, madeAt: '2025-12-20T09:00:00.000Z' };
const opened = (kind: string, dueAt: string): CycleEvent =>
  ({
    id: 'e',
    type: 'TaskOpened',
    data: { taskId: 't', kind, assigneeId: 'who', dueAt, context: {}, form: null, openedAt: at },
  }) as CycleEvent;

describe('deliveriesFor', () => {
  it('mails an escalation to its assignee, naming the rep and the commitment', () => {
    const event: CycleEvent = {
      id: 'e',
      type: 'EscalationRaised',
      data: {
        escalationId: 'x',
        commitmentId: 'k',
        level: 1,
        role: 'manager',
        assigneeId: 'm',
        taskId: 't',
        at,
      },
    };
    expect(deliveriesFor(event, 'c', cycle, (id) => (id === 'k' ? made : undefined))).toEqual([
      {
        channel: 'email',
        recipientId: 'm',
        kind: 'escalation-raised',
        notBefore: at,
        payload: expect.objectContaining({ repId: 'rep', taskId: 't', commitment: made, raisedAt: at }),
      },
    ]);
  });

  it('reminds a day before a task is due, and not for a task due sooner', () => {
    const due = new Date(Date.parse(at) + 3 * DUE_SOON_BEFORE_MS).toISOString();
    expect(deliveriesFor(opened('self-assessment', due), 'c', cycle, () => undefined)).toEqual([
      expect.objectContaining({
        kind: 'task-due-soon',
        recipientId: 'who',
        notBefore: new Date(Date.parse(at) + 2 * DUE_SOON_BEFORE_MS).toISOString(),
      }),
    ]);
    expect(deliveriesFor(opened('self-assessment', at), 'c', cycle, () => undefined)).toEqual([]);
  });

  it('tells the rep on the day a commitment is due, and the coach of a coaching session at once', () => {
    expect(deliveriesFor(opened('commitment-check-in', at), 'c', cycle, () => undefined)).toEqual([
      expect.objectContaining({ kind: 'commitment-due', notBefore: at }),
    ]);
    expect(deliveriesFor(opened('coaching-session', at), 'c', cycle, () => undefined)).toEqual([
      expect.objectContaining({ kind: 'coaching-session', notBefore: at }),
    ]);
  });

  it('sends nothing for other events', () => {
    const event: CycleEvent = { id: 'e', type: 'CycleCancelled', data: { reason: 'r', by: 'b', at } };
    expect(deliveriesFor(event, 'c', cycle, () => undefined)).toEqual([]);
  });
});
