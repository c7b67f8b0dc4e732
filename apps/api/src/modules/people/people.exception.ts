import { AppException } from '#api/infrastructure/http/app.exception';

export enum PeopleErrorCode {
  InvalidCredentials = 'invalid-credentials',
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
  UserNotFound = 'user-not-found',
  EmailTaken = 'email-taken',
  UnknownManager = 'unknown-manager',
  SignupClosed = 'signup-closed',
}

const STATUS: Record<PeopleErrorCode, number> = {
  [PeopleErrorCode.InvalidCredentials]: 401,
  [PeopleErrorCode.Unauthenticated]: 401,
  [PeopleErrorCode.Forbidden]: 403,
  [PeopleErrorCode.UserNotFound]: 404,
  [PeopleErrorCode.EmailTaken]: 409,
  [PeopleErrorCode.UnknownManager]: 400,
  [PeopleErrorCode.SignupClosed]: 403,
};

/** A failure of the people context (users, organisations, sign-in). */
export class PeopleException extends AppException {
  readonly status: number;
  readonly slug: string;

  constructor(
    readonly code: PeopleErrorCode,
    message: string,
    errors?: AppException['errors'],
  ) {
    super(message, errors);
    this.status = STATUS[code];
    this.slug = code;
  }
}
