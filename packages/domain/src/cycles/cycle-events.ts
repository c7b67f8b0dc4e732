import type {
  CommitmentStatus,
  EscalationLevelRole,
  PlaybookTimings,
  RubricBody,
  TaskKind,
} from '@coachflow/contracts';
import type { DomainEvent } from '../events';

export interface PinnedVersion {
  id: string;
  version: number;
}

/**
 * Everything a cycle runs on, resolved by the API at start from published versions and never re-read:
 * a later publish cannot change what a running cycle sees.
 */
export interface PinnedCycleConfiguration {
  playbook: PinnedVersion & {
    name: string;
    timings: PlaybookTimings;
    escalationLevels: EscalationLevelRole[];
    maxFocusAreas: number;
    observation: boolean;
    autoRenew: boolean;
  };
  rubric: PinnedVersion & { body: RubricBody };
  /** The form each task kind uses (the playbook's, else the organisation's default). */
  forms: Partial<Record<TaskKind, PinnedVersion>>;
}

export type Diagnosis = 'skill' | 'will' | 'unclear';
export type Ratings = Record<string, number>;

/** One competency's gap, as the set-priorities task shows it (ranked, largest weighted gap first). */
export interface RankedGap {
  competencyKey: string;
  name: string;
  target: number;
  selfRating: number | null;
  managerRating: number | null;
  /** weight × max(0, target − manager rating): how far from target, by how much it matters. */
  weightedGap: number;
  /** Self and manager ratings differ by at least the disagreement threshold. */
  disagreement: boolean;
}

export interface KpiShortfall {
  kpiKey: string;
  name: string;
  target: number;
  actual: number;
  /** (target − actual) / target, in 0..1. */
  shortfall: number;
}

export interface CycleStartedData {
  cycleId: string;
  organisationId: string;
  repId: string;
  managerId: string;
  playbook: PinnedVersion;
  /** Pinned at start (absent on cycles started before configuration existed). */
  rubric?: PinnedVersion;
  forms?: Partial<Record<TaskKind, PinnedVersion>>;
  /**
   * Everything the cycle runs on, as pinned (bodies included), so the stream alone tells what rules a cycle
   * followed and its state can be folded from its events. Absent on cycles started before issue 5.
   */
  configuration?: PinnedCycleConfiguration;
  /** The cycle this one renews (autoRenew). */
  previousCycleId?: string;
  startedAt: string;
}

/** A task handed to a person; the inbox is a projection of these task events. */
export interface TaskOpenedData {
  taskId: string;
  kind: TaskKind;
  assigneeId: string;
  dueAt: string;
  /** What the task is about: `commitmentId` and `level` for check-ins and escalations, gaps for priorities. */
  context: Record<string, unknown>;
  form: PinnedVersion | null;
  openedAt: string;
}
export interface TaskCompletedData {
  taskId: string;
  kind: TaskKind;
  completedBy: string;
  completedAt: string;
}
export type TaskClosedReason = 'cycle-cancelled' | 'escalation-resolved' | 'check-in-expired' | 'superseded';
export interface TaskClosedData {
  taskId: string;
  reason: TaskClosedReason;
  closedAt: string;
}
export interface TaskReassignedData {
  taskId: string;
  fromId: string;
  toId: string;
  reason: 'manager-changed' | 'assignee-deactivated';
  at: string;
}
/** Sent once per task when its due time passes while it is still open; notifies the assignee. */
export interface TaskOverdueData {
  taskId: string;
  assigneeId: string;
  dueAt: string;
  at: string;
}

export interface AssessmentSubmittedData {
  taskId: string;
  by: string;
  ratings: Ratings;
  /** KPI actuals the manager entered (manager-assessment only). */
  kpis?: Record<string, number>;
  /** The whole form submission, including fields a custom form adds. */
  data: Record<string, unknown>;
  at: string;
}
export interface PrioritiesSetData {
  taskId: string;
  by: string;
  focusAreas: string[];
  diagnosis: Diagnosis;
  style: string;
  gaps: RankedGap[];
  kpiShortfalls: KpiShortfall[];
  data: Record<string, unknown>;
  at: string;
}
export interface ObservationRecordedData {
  taskId: string;
  by: string;
  data: Record<string, unknown>;
  at: string;
}
export interface CoachingSessionHeldData {
  taskId: string;
  by: string;
  /** 1 for the first session; +1 each time the rep sends the plan back. */
  round: number;
  commitmentIds: string[];
  data: Record<string, unknown>;
  at: string;
}
export interface CommitmentMadeData {
  commitmentId: string;
  round: number;
  title: string;
  measure?: string;
  dueAt: string;
  at: string;
}
export interface PlanAcknowledgedData {
  taskId: string;
  by: string;
  round: number;
  accepted: boolean;
  data: Record<string, unknown>;
  at: string;
}
export interface CommitmentKeptData {
  commitmentId: string;
  taskId: string;
  /** Whether the target was reached too; missing it is safe and never escalates. */
  targetMet?: boolean;
  at: string;
}
export interface CommitmentMissedData {
  commitmentId: string;
  reason: 'not-kept' | 'no-check-in';
  taskId: string;
  at: string;
}
/** A second missed commitment in one cycle: shown on the cycle summary. */
export interface ExecutionConcernRaisedData {
  missedCommitmentIds: string[];
  at: string;
}
export interface EscalationRaisedData {
  escalationId: string;
  commitmentId: string;
  /** 1-based position in the playbook's escalation chain. */
  level: number;
  role: EscalationLevelRole;
  assigneeId: string;
  taskId: string;
  at: string;
}
export interface EscalationResolvedData {
  escalationId: string;
  commitmentId: string;
  action: 'recommit' | 'drop';
  resolvedBy: string;
  /** The new due time when recommitting. */
  dueAt?: string;
  at: string;
}
export interface CycleReviewedData {
  taskId: string;
  by: string;
  ratings: Ratings;
  data: Record<string, unknown>;
  at: string;
}
export interface ScoreChange {
  competencyKey: string;
  before: number | null;
  after: number;
  change: number | null;
}
export interface CycleCompletedData {
  scoreChanges: ScoreChange[];
  /** Commitment outcomes at the end, by status. */
  commitments: Record<CommitmentStatus, number>;
  at: string;
}
export interface CycleCancelledData {
  reason: string;
  by: string;
  at: string;
}
export interface CycleManagerChangedData {
  fromId: string;
  toId: string;
  by: string;
  at: string;
}
/** autoRenew: the next cycle was started (recorded only after it was). */
export interface CycleRenewedData {
  nextCycleId: string;
  at: string;
}
/** autoRenew: no next cycle could be started (the playbook is unpublished, the rep inactive or busy). */
export interface CycleRenewalSkippedData {
  reason: string;
  at: string;
}

export type CycleStarted = DomainEvent<'CycleStarted', CycleStartedData>;
export type TaskOpened = DomainEvent<'TaskOpened', TaskOpenedData>;
export type TaskCompleted = DomainEvent<'TaskCompleted', TaskCompletedData>;
export type TaskClosed = DomainEvent<'TaskClosed', TaskClosedData>;
export type TaskReassigned = DomainEvent<'TaskReassigned', TaskReassignedData>;
export type TaskOverdue = DomainEvent<'TaskOverdue', TaskOverdueData>;
export type SelfAssessmentSubmitted = DomainEvent<'SelfAssessmentSubmitted', AssessmentSubmittedData>;
export type ManagerAssessmentSubmitted = DomainEvent<'ManagerAssessmentSubmitted', AssessmentSubmittedData>;
export type PrioritiesSet = DomainEvent<'PrioritiesSet', PrioritiesSetData>;
export type ObservationRecorded = DomainEvent<'ObservationRecorded', ObservationRecordedData>;
export type CoachingSessionHeld = DomainEvent<'CoachingSessionHeld', CoachingSessionHeldData>;
export type CommitmentMade = DomainEvent<'CommitmentMade', CommitmentMadeData>;
export type PlanAcknowledged = DomainEvent<'PlanAcknowledged', PlanAcknowledgedData>;
export type CommitmentKept = DomainEvent<'CommitmentKept', CommitmentKeptData>;
export type CommitmentMissed = DomainEvent<'CommitmentMissed', CommitmentMissedData>;
export type ExecutionConcernRaised = DomainEvent<'ExecutionConcernRaised', ExecutionConcernRaisedData>;
export type EscalationRaised = DomainEvent<'EscalationRaised', EscalationRaisedData>;
export type EscalationResolved = DomainEvent<'EscalationResolved', EscalationResolvedData>;
export type CycleReviewed = DomainEvent<'CycleReviewed', CycleReviewedData>;
export type CycleCompleted = DomainEvent<'CycleCompleted', CycleCompletedData>;
export type CycleCancelled = DomainEvent<'CycleCancelled', CycleCancelledData>;
export type CycleManagerChanged = DomainEvent<'CycleManagerChanged', CycleManagerChangedData>;
export type CycleRenewed = DomainEvent<'CycleRenewed', CycleRenewedData>;
export type CycleRenewalSkipped = DomainEvent<'CycleRenewalSkipped', CycleRenewalSkippedData>;

/** Every event a cycle stream can hold (the names in shared/API.md, plus task and staffing events). */
export type CycleEvent =
  | CycleStarted
  | TaskOpened
  | TaskCompleted
  | TaskClosed
  | TaskReassigned
  | TaskOverdue
  | SelfAssessmentSubmitted
  | ManagerAssessmentSubmitted
  | PrioritiesSet
  | ObservationRecorded
  | CoachingSessionHeld
  | CommitmentMade
  | PlanAcknowledged
  | CommitmentKept
  | CommitmentMissed
  | ExecutionConcernRaised
  | EscalationRaised
  | EscalationResolved
  | CycleReviewed
  | CycleCompleted
  | CycleCancelled
  | CycleManagerChanged
  | CycleRenewed
  | CycleRenewalSkipped;

export type CycleEventType = CycleEvent['type'];
