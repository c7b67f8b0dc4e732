import type { CyclePhase, CycleStatus } from '@coachflow/contracts';
import type { DomainEvent, ReportingChain } from '@coachflow/domain';
import type { LocalActivityOptions } from '@temporalio/common';

export interface RecordCycleEventsInput {
  streamId: string;
  events: DomainEvent[];
  /**
   * The stream's version before these events; the append is refused if another writer got there first.
   * Omitted only by callers outside the cycle workflow.
   */
  expectedVersion?: number;
  /**
   * The registry row's new phase, status and manager when these events change them, written once the events
   * are stored: one local activity a decision instead of two (runs recorded before that keep `markCycle`).
   */
  registry?: MarkCycleInput;
}

export interface MarkCycleInput {
  cycleId: string;
  phase: CyclePhase;
  status: CycleStatus;
  managerId: string;
}

export interface RenewCycleInput {
  previousCycleId: string;
  /** Chosen by the ending cycle's workflow (deterministically), so a retried renewal starts nothing twice. */
  nextCycleId: string;
  organisationId: string;
  repId: string;
  managerId: string;
  playbookId: string;
}

export interface RenewCycleResult {
  started: boolean;
  /** Why no cycle was started (the playbook is no longer published, the rep already has one running). */
  reason?: string;
}

/** Where and when the batch's first event is stored. */
export interface RecordCycleEventsResult {
  firstPosition: number;
  /** ISO time. */
  recordedAt: string;
}

/** The activities a coaching cycle calls (implemented in apps/worker). */
export interface CoachingCycleActivities {
  /** Appends events to the cycle's stream, then updates the registry row if asked; safe to repeat. */
  recordCycleEvents(input: RecordCycleEventsInput): Promise<RecordCycleEventsResult>;
  /** The rep's reporting line upward and an admin of the organisation: who escalations climb to. */
  reportingChain(input: { organisationId: string; repId: string }): Promise<ReportingChain>;
  /**
   * Keeps the cycle registry row (phase, status, manager) in step; it frees the rep once a cycle ends. Only
   * runs recorded before `registry` joined `recordCycleEvents` still call it.
   */
  markCycle(input: MarkCycleInput): Promise<void>;
  /** autoRenew: pins the playbook's latest published version and starts the next cycle (idempotent). */
  renewCycle(input: RenewCycleInput): Promise<RenewCycleResult>;
}

/**
 * How the cycle runs its short Postgres calls (recording, the reporting chain, the registry row): as local
 * activities, in the worker within the workflow task, with no activity task round trip through the server.
 * No attempt limit: a decided batch is recorded or nothing goes on (longer retries are scheduled by the SDK
 * as timers).
 */
export const CYCLE_LOCAL_ACTIVITY_OPTIONS: LocalActivityOptions = {
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '100 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
};
