import { type Static, Type } from '@sinclair/typebox';
import { ShortText, Uuid } from './identifiers';
import { RoleSchema } from './people.schema';

const Email = Type.String({ format: 'email', maxLength: 254 });
const NewPassword = Type.String({ minLength: 8, maxLength: 256 });
const CurrentPassword = Type.String({ minLength: 1, maxLength: 256 });

/** `POST /api/auth/refresh` and `/logout`: scripts send the token; the web app's cookie carries it. */
export const RefreshRequest = Type.Object(
  { refreshToken: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) },
  { additionalProperties: false },
);
export type RefreshRequest = Static<typeof RefreshRequest>;

/**
 * A cookie the web app can read, set and cleared with the httpOnly refresh cookie: `1` while the browser
 * holds a refresh cookie (no secret in it). Without it the app knows there is nothing to renew and asks
 * nobody; the refresh cookie itself stays out of reach of scripts.
 */
export const SESSION_MARKER_COOKIE = 'coachflow_has_session';

/** What an admin may change on another user of their organisation (`PATCH /api/users/:id`). */
export const AdminUpdateUserRequest = Type.Object(
  {
    name: Type.Optional(ShortText()),
    email: Type.Optional(Email),
    role: Type.Optional(RoleSchema),
    managerId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type AdminUpdateUserRequest = Static<typeof AdminUpdateUserRequest>;

/**
 * What anyone may change on themselves: their name and password (the current one is required to set a new
 * one). Role, manager and email are not here, so a rep cannot promote themselves.
 */
export const SelfUpdateUserRequest = Type.Object(
  {
    name: Type.Optional(ShortText()),
    password: Type.Optional(NewPassword),
    currentPassword: Type.Optional(CurrentPassword),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type SelfUpdateUserRequest = Static<typeof SelfUpdateUserRequest>;

/** An admin editing themselves: their own profile and password; role and activity stay (no lock-out). */
export const AdminSelfUpdateRequest = Type.Object(
  {
    name: Type.Optional(ShortText()),
    email: Type.Optional(Email),
    managerId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    password: Type.Optional(NewPassword),
    currentPassword: Type.Optional(CurrentPassword),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type AdminSelfUpdateRequest = Static<typeof AdminSelfUpdateRequest>;

/** Any of the three shapes, for the OpenAPI document; the API picks one by who calls. */
export type UpdateUserRequest = AdminUpdateUserRequest | SelfUpdateUserRequest | AdminSelfUpdateRequest;

/**
 * `POST /api/users/import`: an org chart as CSV with a header row `email,name,role,manager_email` and an
 * optional `password` column. `dryRun` checks every row and changes nothing.
 */
export const ImportUsersRequest = Type.Object(
  { csv: Type.String({ minLength: 1, maxLength: 512 * 1024 }), dryRun: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export type ImportUsersRequest = Static<typeof ImportUsersRequest>;

/** A problem with one CSV row: `row` counts data rows from 1 (the header is row 0). */
export const ImportRowError = Type.Object({
  row: Type.Integer(),
  column: Type.Optional(Type.String()),
  message: Type.String(),
});
export type ImportRowError = Static<typeof ImportRowError>;

export const ImportUsersResult = Type.Object({
  dryRun: Type.Boolean(),
  /** True when the import was written (never on a dry run, never with errors). */
  applied: Type.Boolean(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  errors: Type.Array(ImportRowError),
});
export type ImportUsersResult = Static<typeof ImportUsersResult>;

/** Event types of the audit log (`GET /api/audit`). */
export const AUDIT_EVENT_TYPES = [
  'UserCreated',
  'UserRoleChanged',
  'ReportingLineChanged',
  'UserDeactivated',
  'UserReactivated',
  'LoginFailed',
  'ConfigurationPublished',
  'WebhookEndpointRegistered',
  'WebhookEndpointDeleted',
  'WebhookEndpointEnabled',
] as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

export const AuditEventView = Type.Object({
  position: Type.Integer(),
  type: Type.String(),
  /** The event's stream: `audit-<organisationId>`, or the published object's (`rubric-<id>`, ...). */
  streamId: Type.String(),
  /** Who acted; null when nobody was signed in (a failed login). */
  actorId: Type.Union([Uuid, Type.Null()]),
  at: Type.String({ format: 'date-time' }),
  data: Type.Record(Type.String(), Type.Unknown()),
});
export type AuditEventView = Static<typeof AuditEventView>;
