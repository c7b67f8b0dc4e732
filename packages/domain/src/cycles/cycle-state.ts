import type { CyclePhase, EscalationLevelRole } from '@coachflow/contracts';
import type {
  Diagnosis,
  KpiShortfall,
  PinnedCycleConfiguration,
  RankedGap,
  Ratings,
  TaskOpenedData,
} from './cycle-events';

/** An open task: what TaskOpened recorded (the assignee follows TaskReassigned), plus whether it is overdue. */
export interface OpenTask extends TaskOpenedData {
  /** TaskOverdue was recorded (it is sent once). */
  overdue: boolean;
}

/**
 * Where a commitment stands inside the cycle: `proposed` in a plan awaiting the rep, `rejected` with a plan
 * sent back, `scheduled` waiting for its due time, `checking-in` with a check-in task open, `missed` while an
 * escalation about it is open, then `kept` or `dropped`.
 */
export type CommitmentStage =
  'proposed' | 'rejected' | 'scheduled' | 'checking-in' | 'missed' | 'kept' | 'dropped';

export interface CommitmentState {
  commitmentId: string;
  round: number;
  title: string;
  measure?: string;
  dueAt: string;
  stage: CommitmentStage;
  checkInTaskId?: string;
}

export interface EscalationState {
  escalationId: string;
  commitmentId: string;
  level: number;
  role: EscalationLevelRole;
  assigneeId: string;
  /** When the current level was raised: it climbs `escalateAfter` later. */
  levelSince: string;
  /** Open resolve-escalation tasks of every level so far; any of them resolves it. */
  taskIds: string[];
}

/** A cycle's state, folded from its events; JSON-safe, so it travels across continue-as-new. */
export interface CycleState {
  /** How many events the cycle's stream holds: the next event is number `version + 1`. */
  version: number;
  status: 'not-started' | 'running' | 'completed' | 'cancelled';
  phase: CyclePhase;
  cycleId: string;
  organisationId: string;
  repId: string;
  managerId: string;
  configuration: PinnedCycleConfiguration | null;
  startedAt: string;
  tasks: Record<string, OpenTask>;
  selfRatings: Ratings | null;
  managerRatings: Ratings | null;
  kpiActuals: Record<string, number>;
  focusAreas: string[];
  diagnosis: Diagnosis | null;
  gaps: RankedGap[];
  kpiShortfalls: KpiShortfall[];
  /** Coaching-session rounds held (a plan sent back adds one). */
  round: number;
  /** When the observation, session and acknowledgement of the current round are due. */
  sessionDueAt: string | null;
  commitments: Record<string, CommitmentState>;
  escalations: Record<string, EscalationState>;
  /** Commitments missed so far, once per miss (a recommitted one can miss again). */
  missed: string[];
  executionConcern: boolean;
  planStartedAt: string | null;
  planEndsAt: string | null;
  nextFollowUpAt: string | null;
  reviewOpened: boolean;
  /** autoRenew: the cycle completed and the next one is still to be tried (CycleRenewed/…Skipped clear it). */
  renewalDue: boolean;
}

/** The state before CycleStarted. */
export function initialCycleState(): CycleState {
  return {
    version: 0,
    status: 'not-started',
    phase: 'prioritise',
    cycleId: '',
    organisationId: '',
    repId: '',
    managerId: '',
    configuration: null,
    startedAt: '',
    tasks: {},
    selfRatings: null,
    managerRatings: null,
    kpiActuals: {},
    focusAreas: [],
    diagnosis: null,
    gaps: [],
    kpiShortfalls: [],
    round: 0,
    sessionDueAt: null,
    commitments: {},
    escalations: {},
    missed: [],
    executionConcern: false,
    planStartedAt: null,
    planEndsAt: null,
    nextFollowUpAt: null,
    reviewOpened: false,
    renewalDue: false,
  };
}
