import type { CompleteTaskRequest } from '@coachflow/contracts';
import type { PinnedCycleConfiguration } from './cycle-events';

/** One person above the rep, nearest first, as the escalation chain reads the reporting line. */
export interface ReportingLineMember {
  userId: string;
  role: 'admin' | 'leader' | 'manager' | 'rep';
}

/** The rep's reporting line upward (their manager first) and an admin of the organisation, if any. */
export interface ReportingChain {
  line: ReportingLineMember[];
  adminId: string | null;
}

export interface StartCycleCommand {
  type: 'StartCycle';
  data: {
    cycleId: string;
    organisationId: string;
    repId: string;
    managerId: string;
    configuration: PinnedCycleConfiguration;
    previousCycleId?: string;
  };
}
export interface CompleteTaskCommand {
  type: 'CompleteTask';
  data: CompleteTaskRequest & { chain?: ReportingChain };
}
/** Fires every deadline that has passed by `now`. */
export interface TickCommand {
  type: 'Tick';
  data: { now: string; chain?: ReportingChain };
}
export interface CancelCycleCommand {
  type: 'CancelCycle';
  data: { reason: string; by: string };
}
export interface ChangeManagerCommand {
  type: 'ChangeManager';
  data: { managerId: string; by: string };
}
export interface ReassignTasksCommand {
  type: 'ReassignTasks';
  data: { fromUserId: string; toUserId: string };
}
/**
 * autoRenew, after the cycle completed: the outcome of trying to start the next cycle (the workflow tries
 * first, so CycleRenewed is only recorded for a cycle that really started).
 */
export interface RecordRenewalCommand {
  type: 'RecordRenewal';
  data: { nextCycleId: string; started: boolean; reason?: string };
}

export type CycleCommand =
  | StartCycleCommand
  | CompleteTaskCommand
  | TickCommand
  | CancelCycleCommand
  | ChangeManagerCommand
  | ReassignTasksCommand
  | RecordRenewalCommand;

/** What the domain never computes itself: the time of the decision and fresh ids. */
export interface CycleContext {
  now: string;
  newId: () => string;
}
