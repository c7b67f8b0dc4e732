import type { CycleEvent } from '@coachflow/domain';
import { type CycleSummary, evolveCycleSummary } from './cycle-summary';

const at = '2026-01-01T00:00:00.000Z';
const started: CycleEvent = {
  id: 'e1',
  type: 'CycleStarted',
  data: {
    cycleId: 'c1',
    organisationId: 'o1',
    repId: 'rep',
    managerId: 'maria',
    playbook: { id: 'p1', version: 2 },
    startedAt: at,
  },
};
const made = (commitmentId: string, round: number): CycleEvent => ({
  id: `made-${commitmentId}`,
  type: 'CommitmentMade',
  data: { commitmentId, round, title: `do ${commitmentId}`, dueAt: at, at },
});
const raised = (level: number, assigneeId: string): CycleEvent => ({
  id: `raised-${level}`,
  type: 'EscalationRaised',
  data: {
    escalationId: 'x1',
    commitmentId: 'k1',
    level,
    role: 'manager',
    assigneeId,
    taskId: `t${level}`,
    at,
  },
});

function given(...events: CycleEvent[]): CycleSummary | undefined {
  return events.reduce<CycleSummary | undefined>(evolveCycleSummary, undefined);
}

describe('the cycle summary', () => {
  it('starts in prioritise, running, with nothing agreed yet', () => {
    expect(given(started)).toMatchObject({
      cycleId: 'c1',
      managerId: 'maria',
      phase: 'prioritise',
      status: 'running',
      focusAreas: [],
      commitments: [],
      escalations: [],
      executionConcern: null,
    });
  });

  it('ignores events of a cycle it never saw start', () => {
    expect(given(made('k1', 1))).toBeUndefined();
  });

  it('moves to facilitate with the focus areas when priorities are set', () => {
    const summary = given(started, {
      id: 'e2',
      type: 'PrioritiesSet',
      data: {
        taskId: 't',
        by: 'maria',
        focusAreas: ['discovery'],
        diagnosis: 'skill',
        style: 'coaching',
        gaps: [],
        kpiShortfalls: [],
        data: {},
        at,
      },
    });
    expect(summary).toMatchObject({ phase: 'facilitate', focusAreas: ['discovery'] });
  });

  it('drops a rejected round’s commitments and moves to improve on an accepted plan', () => {
    const ack = (round: number, accepted: boolean): CycleEvent => ({
      id: `ack-${round}`,
      type: 'PlanAcknowledged',
      data: { taskId: 't', by: 'rep', round, accepted, data: {}, at },
    });
    const rejected = given(started, made('k1', 1), ack(1, false));
    expect(rejected?.commitments).toEqual([]);
    expect(rejected?.phase).toBe('prioritise');
    const accepted = given(started, made('k1', 1), ack(1, false), made('k2', 2), ack(2, true));
    expect(accepted?.phase).toBe('improve');
    expect(accepted?.commitments.map((c) => [c.id, c.status])).toEqual([['k2', 'open']]);
  });

  it('records kept and missed commitments', () => {
    const summary = given(
      started,
      made('k1', 1),
      made('k2', 1),
      { id: 'kept', type: 'CommitmentKept', data: { commitmentId: 'k1', taskId: 't', targetMet: false, at } },
      {
        id: 'missed',
        type: 'CommitmentMissed',
        data: { commitmentId: 'k2', reason: 'no-check-in', taskId: 't', at },
      },
    );
    expect(summary?.commitments.map((c) => c.status)).toEqual(['kept', 'missed']);
  });

  it('lists each escalation level and resolves them all on a drop', () => {
    const resolvedAt = '2026-01-02T00:00:00.000Z';
    const summary = given(started, made('k1', 1), raised(1, 'maria'), raised(2, 'lead'), raised(2, 'lead'), {
      id: 'res',
      type: 'EscalationResolved',
      data: { escalationId: 'x1', commitmentId: 'k1', action: 'drop', resolvedBy: 'lead', at: resolvedAt },
    });
    expect(summary?.escalations).toEqual([
      { escalationId: 'x1', commitmentId: 'k1', level: 1, assigneeId: 'maria', raisedAt: at, resolvedAt },
      { escalationId: 'x1', commitmentId: 'k1', level: 2, assigneeId: 'lead', raisedAt: at, resolvedAt },
    ]);
    expect(summary?.commitments[0]?.status).toBe('dropped');
  });

  it('reopens a recommitted commitment with its new due time', () => {
    const dueAt = '2026-02-01T00:00:00.000Z';
    const summary = given(started, made('k1', 1), raised(1, 'maria'), {
      id: 'res',
      type: 'EscalationResolved',
      data: { escalationId: 'x1', commitmentId: 'k1', action: 'recommit', resolvedBy: 'maria', dueAt, at },
    });
    expect(summary?.commitments[0]).toMatchObject({ status: 'open', dueAt });
  });

  it('shows an execution concern, a new manager and the end of the cycle', () => {
    const summary = given(
      started,
      { id: 'ec', type: 'ExecutionConcernRaised', data: { missedCommitmentIds: ['k1', 'k2'], at } },
      { id: 'mc', type: 'CycleManagerChanged', data: { fromId: 'maria', toId: 'nina', by: 'admin', at } },
      { id: 'cc', type: 'CycleCancelled', data: { reason: 'left', by: 'nina', at } },
    );
    expect(summary).toMatchObject({
      executionConcern: { missedCommitmentIds: ['k1', 'k2'], raisedAt: at },
      managerId: 'nina',
      status: 'cancelled',
      endedAt: at,
    });
  });

  it('completes', () => {
    const summary = given(started, {
      id: 'done',
      type: 'CycleCompleted',
      data: { scoreChanges: [], commitments: { open: 0, kept: 1, missed: 0, dropped: 0 }, at },
    });
    expect(summary?.status).toBe('completed');
  });
});
