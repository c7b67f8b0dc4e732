import { codedAppException } from '#api/infrastructure/http/app.exception';

export enum LiveUpdatesErrorCode {
  InvalidLastEventId = 'invalid-last-event-id',
  TooManyStreams = 'too-many-streams',
}

const STATUS: Record<LiveUpdatesErrorCode, number> = {
  [LiveUpdatesErrorCode.InvalidLastEventId]: 400,
  [LiveUpdatesErrorCode.TooManyStreams]: 429,
};

export class LiveUpdatesException extends codedAppException(STATUS) {}
