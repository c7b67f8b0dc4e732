import type { CycleCompletedData, CycleEvent } from '@coachflow/domain';

// The contract's vocabulary (read-models may not import contracts; the domain's event types carry it).
type CommitmentStatus = keyof CycleCompletedData['commitments'];
type CyclePhase = 'prioritise' | 'facilitate' | 'improve';
type CycleStatus = 'running' | 'completed' | 'cancelled';

export interface SummaryCommitment {
  id: string;
  title: string;
  dueAt: string;
  status: CommitmentStatus;
  /** The coaching-session round that made it; a plan sent back drops its round's commitments. */
  round: number;
}

export interface SummaryEscalation {
  escalationId: string;
  commitmentId: string;
  level: number;
  assigneeId: string;
  raisedAt: string;
  resolvedAt?: string;
}

export interface SummaryExecutionConcern {
  missedCommitmentIds: string[];
  raisedAt: string;
}

/** A cycle as lists and dashboards show it: the row of the cycle-summaries projection, as an object. */
export interface CycleSummary {
  cycleId: string;
  organisationId: string;
  repId: string;
  managerId: string;
  playbookId: string;
  playbookVersion: number;
  phase: CyclePhase;
  status: CycleStatus;
  focusAreas: string[];
  commitments: SummaryCommitment[];
  escalations: SummaryEscalation[];
  executionConcern: SummaryExecutionConcern | null;
  startedAt: string;
  endedAt: string | null;
}

/** The event types that change a summary. */
export const CYCLE_SUMMARY_EVENT_TYPES = [
  'CycleStarted',
  'PrioritiesSet',
  'CommitmentMade',
  'PlanAcknowledged',
  'CommitmentKept',
  'CommitmentMissed',
  'EscalationRaised',
  'EscalationResolved',
  'ExecutionConcernRaised',
  'CycleManagerChanged',
  'CycleCompleted',
  'CycleCancelled',
] as const satisfies readonly CycleEvent['type'][];

/**
 * Folds one cycle event into its summary (pure; `undefined` until CycleStarted). Applying an event twice
 * leaves the same summary, so a replayed batch cannot corrupt a row.
 */
export function evolveCycleSummary(
  summary: CycleSummary | undefined,
  event: CycleEvent,
): CycleSummary | undefined {
  if (event.type === 'CycleStarted') {
    if (summary) return summary;
    const data = event.data;
    return {
      cycleId: data.cycleId,
      organisationId: data.organisationId,
      repId: data.repId,
      managerId: data.managerId,
      playbookId: data.playbook.id,
      playbookVersion: data.playbook.version,
      phase: 'prioritise',
      status: 'running',
      focusAreas: [],
      commitments: [],
      escalations: [],
      executionConcern: null,
      startedAt: data.startedAt,
      endedAt: null,
    };
  }
  if (!summary) return undefined;
  switch (event.type) {
    case 'PrioritiesSet':
      return { ...summary, phase: 'facilitate', focusAreas: [...event.data.focusAreas] };
    case 'CommitmentMade': {
      const { commitmentId, title, dueAt, round } = event.data;
      const others = summary.commitments.filter((commitment) => commitment.id !== commitmentId);
      return {
        ...summary,
        commitments: [...others, { id: commitmentId, title, dueAt, status: 'open', round }],
      };
    }
    case 'PlanAcknowledged':
      if (event.data.accepted) return { ...summary, phase: 'improve' };
      // A plan sent back never runs: its commitments leave the summary (the next session makes new ones).
      return {
        ...summary,
        commitments: summary.commitments.filter((commitment) => commitment.round !== event.data.round),
      };
    case 'CommitmentKept':
      return withCommitment(summary, event.data.commitmentId, { status: 'kept' });
    case 'CommitmentMissed':
      return withCommitment(summary, event.data.commitmentId, { status: 'missed' });
    case 'EscalationRaised': {
      const { escalationId, commitmentId, level, assigneeId, at } = event.data;
      if (summary.escalations.some((e) => e.escalationId === escalationId && e.level === level))
        return summary;
      return {
        ...summary,
        escalations: [
          ...summary.escalations,
          { escalationId, commitmentId, level, assigneeId, raisedAt: at },
        ],
      };
    }
    case 'EscalationResolved': {
      const { escalationId, commitmentId, action, dueAt, at } = event.data;
      const escalations = summary.escalations.map((escalation) =>
        escalation.escalationId === escalationId && !escalation.resolvedAt
          ? { ...escalation, resolvedAt: at }
          : escalation,
      );
      const change: Partial<SummaryCommitment> =
        action === 'drop' ? { status: 'dropped' } : { status: 'open', ...(dueAt ? { dueAt } : {}) };
      return withCommitment({ ...summary, escalations }, commitmentId, change);
    }
    case 'ExecutionConcernRaised':
      return {
        ...summary,
        executionConcern: {
          missedCommitmentIds: [...event.data.missedCommitmentIds],
          raisedAt: event.data.at,
        },
      };
    case 'CycleManagerChanged':
      return { ...summary, managerId: event.data.toId };
    case 'CycleCompleted':
      return { ...summary, status: 'completed', endedAt: event.data.at };
    case 'CycleCancelled':
      return { ...summary, status: 'cancelled', endedAt: event.data.at };
    default:
      return summary;
  }
}

function withCommitment(
  summary: CycleSummary,
  commitmentId: string,
  change: Partial<SummaryCommitment>,
): CycleSummary {
  return {
    ...summary,
    commitments: summary.commitments.map((commitment) =>
      commitment.id === commitmentId ? { ...commitment, ...change } : commitment,
    ),
  };
}
