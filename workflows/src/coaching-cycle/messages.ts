import type {
  CompleteTaskRequest,
  CyclePhase,
  CycleStatus,
  TaskCompletionRecord,
} from '@coachflow/contracts';
import { defineQuery, defineUpdate } from '@temporalio/workflow';

export interface CoachingCycleState {
  phase: CyclePhase;
  status: CycleStatus;
  /** Ids of the tasks open right now. */
  openTaskIds: string[];
  /** The cycle's manager now (it changes when the rep's manager does). */
  managerId?: string;
  /** Events recorded in the cycle's stream so far. */
  version?: number;
}

/** Where the cycle is now; defined once, used by the workflow and its clients. */
export const cycleStateQuery = defineQuery<CoachingCycleState>('cycleState');

/**
 * Completes a human task. The update's validator refuses (before anything enters history) a task that is
 * not open, a caller who is not the assignee, or data that breaks the task kind's rules, each as an
 * `ApplicationFailure` whose type is the domain's `CycleRuleCode` (`InvalidTaskData` carries `FieldError[]`
 * as its first detail). The handler returns what was recorded, once it is in the event store.
 */
export const completeTaskUpdate = defineUpdate<TaskCompletionRecord, [CompleteTaskRequest]>('completeTask');

export const cancelCycleUpdate = defineUpdate<void, [{ reason: string; by: string }]>('cancelCycle');

/** The rep's manager changed: open manager tasks of this cycle move to the new manager. */
export const changeManagerUpdate = defineUpdate<void, [{ managerId: string; by: string }]>('changeManager');

/** A user was deactivated: their open tasks in this cycle move to `toUserId` (their manager). */
export const reassignTasksUpdate = defineUpdate<void, [{ fromUserId: string; toUserId: string }]>(
  'reassignTasks',
);
