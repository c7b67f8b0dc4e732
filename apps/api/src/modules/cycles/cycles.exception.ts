import { codedAppException } from '#api/infrastructure/http/app.exception';

export enum CyclesErrorCode {
  CycleNotFound = 'cycle-not-found',
  RepNotFound = 'rep-not-found',
  NotARep = 'not-a-rep',
  RepWithoutManager = 'rep-without-manager',
  AlreadyRunning = 'cycle-already-running',
  NotAllowed = 'cycle-not-allowed',
  TaskNotFound = 'task-not-found',
  NotificationNotFound = 'notification-not-found',
}

const STATUS: Record<CyclesErrorCode, number> = {
  [CyclesErrorCode.CycleNotFound]: 404,
  [CyclesErrorCode.RepNotFound]: 404,
  [CyclesErrorCode.NotARep]: 400,
  [CyclesErrorCode.RepWithoutManager]: 400,
  [CyclesErrorCode.AlreadyRunning]: 409,
  [CyclesErrorCode.NotAllowed]: 403,
  [CyclesErrorCode.TaskNotFound]: 404,
  [CyclesErrorCode.NotificationNotFound]: 404,
};

/**
 * A failure of the cycles context (cycles, their tasks and the notifications they send) found by the API
 * itself; what the cycle refuses by its rules is a CycleRefusalException.
 */
export class CyclesException extends codedAppException(STATUS) {}
