import { codedAppException } from '#api/infrastructure/http/app.exception';

export enum PeopleErrorCode {
  InvalidCredentials = 'invalid-credentials',
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
  ForeignOrigin = 'foreign-origin',
  UserNotFound = 'user-not-found',
  EmailTaken = 'email-taken',
  ChooseOrganisation = 'choose-organisation',
  UnknownManager = 'unknown-manager',
  ReportingCycle = 'reporting-cycle',
  WrongCurrentPassword = 'wrong-current-password',
  InvalidImport = 'invalid-import',
  SignupClosed = 'signup-closed',
  SsoNotConfigured = 'sso-not-configured',
}

const STATUS: Record<PeopleErrorCode, number> = {
  [PeopleErrorCode.InvalidCredentials]: 401,
  [PeopleErrorCode.Unauthenticated]: 401,
  [PeopleErrorCode.Forbidden]: 403,
  [PeopleErrorCode.ForeignOrigin]: 403,
  [PeopleErrorCode.UserNotFound]: 404,
  [PeopleErrorCode.EmailTaken]: 409,
  [PeopleErrorCode.ChooseOrganisation]: 409,
  [PeopleErrorCode.UnknownManager]: 400,
  [PeopleErrorCode.ReportingCycle]: 400,
  [PeopleErrorCode.WrongCurrentPassword]: 400,
  [PeopleErrorCode.InvalidImport]: 400,
  [PeopleErrorCode.SignupClosed]: 403,
  [PeopleErrorCode.SsoNotConfigured]: 404,
};

/** A failure of the people context (users, organisations, sign-in). */
export class PeopleException extends codedAppException(STATUS) {}
