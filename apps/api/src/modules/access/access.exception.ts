import { codedAppException } from '#api/infrastructure/http/app.exception';

export enum AccessErrorCode {
  Forbidden = 'forbidden',
  NotFound = 'not-found',
}

const STATUS: Record<AccessErrorCode, number> = {
  [AccessErrorCode.Forbidden]: 403,
  [AccessErrorCode.NotFound]: 404,
};

/**
 * A request outside the caller's reach: 404 when the subject is in another organisation (or nowhere, the
 * caller cannot tell), 403 when it is in theirs but the policy does not allow the action.
 */
export class AccessException extends codedAppException(STATUS) {}
