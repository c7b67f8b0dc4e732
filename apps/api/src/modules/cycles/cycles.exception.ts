import { codedAppException } from '#api/infrastructure/http/app.exception';

export enum CyclesErrorCode {
  CycleNotFound = 'cycle-not-found',
  RepNotFound = 'rep-not-found',
  NotARep = 'not-a-rep',
  RepWithoutManager = 'rep-without-manager',
  AlreadyRunning = 'cycle-already-running',
  NotAllowed = 'cycle-not-allowed',
  CycleNotRunning = 'cycle-not-running',
  TaskNotFound = 'task-not-found',
  TaskNotOpen = 'task-not-open',
  NotAssignee = 'not-assignee',
  InvalidTaskData = 'invalid-task-data',
  NotificationNotFound = 'notification-not-found',
}

const STATUS: Record<CyclesErrorCode, number> = {
  [CyclesErrorCode.CycleNotFound]: 404,
  [CyclesErrorCode.RepNotFound]: 404,
  [CyclesErrorCode.NotARep]: 400,
  [CyclesErrorCode.RepWithoutManager]: 400,
  [CyclesErrorCode.AlreadyRunning]: 409,
  [CyclesErrorCode.NotAllowed]: 403,
  [CyclesErrorCode.CycleNotRunning]: 409,
  [CyclesErrorCode.TaskNotFound]: 404,
  [CyclesErrorCode.TaskNotOpen]: 409,
  [CyclesErrorCode.NotAssignee]: 403,
  [CyclesErrorCode.InvalidTaskData]: 400,
  [CyclesErrorCode.NotificationNotFound]: 404,
};

/** A failure of the cycles context (cycles, their tasks and the notifications they send). */
export class CyclesException extends codedAppException(STATUS) {}
