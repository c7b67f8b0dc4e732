import type { CyclePhase, CycleStatus, FieldError } from '@coachflow/contracts';
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

export interface CompleteTaskRequest {
  taskId: string;
  /** The caller; must be the task's assignee. */
  userId: string;
  data: Record<string, unknown>;
}

/**
 * Completes a human task. The update's validator refuses (before anything enters history) a task that is
 * not open, a caller who is not the assignee, or data that breaks the task kind's rules; the handler
 * returns once the resulting events are recorded in the event store.
 */
export const completeTaskUpdate = defineUpdate<void, [CompleteTaskRequest]>('completeTask');

export const cancelCycleUpdate = defineUpdate<void, [{ reason: string; by: string }]>('cancelCycle');

/** The rep's manager changed: open manager tasks of this cycle move to the new manager. */
export const changeManagerUpdate = defineUpdate<void, [{ managerId: string; by: string }]>('changeManager');

/** A user was deactivated: their open tasks in this cycle move to `toUserId` (their manager). */
export const reassignTasksUpdate = defineUpdate<void, [{ fromUserId: string; toUserId: string }]>(
  'reassignTasks',
);

/**
 * `ApplicationFailure.type` of an update the validator refused, so clients (the API) map it to a status:
 * not-open 409, not-assignee 403, invalid-data 400 (with `FieldError[]` as the failure's first detail),
 * not-running 409.
 */
export const UPDATE_REJECTIONS = {
  taskNotOpen: 'TaskNotOpen',
  notAssignee: 'NotAssignee',
  invalidData: 'InvalidTaskData',
  notRunning: 'CycleNotRunning',
} as const;
export type UpdateRejection = (typeof UPDATE_REJECTIONS)[keyof typeof UPDATE_REJECTIONS];
export type InvalidTaskDataDetails = FieldError[];
