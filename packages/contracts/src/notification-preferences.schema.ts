import { type Static, Type } from '@sinclair/typebox';
import { oneOf } from './identifiers';

/** Mail kinds a person can turn on or off (webhook and administrative mail are not theirs to choose). */
export const EMAIL_KINDS = [
  'escalation-raised',
  'task-overdue',
  'task-due-soon',
  'commitment-due',
  'coaching-session',
  'weekly-digest',
] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];
export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const LocalTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, 24-hour' });

/** How and when a person gets mail (GET/PUT /api/me/notification-preferences). */
export const NotificationPreferences = Type.Object(
  {
    /** Mail on or off, per kind. */
    email: Type.Object(
      Object.fromEntries(EMAIL_KINDS.map((kind) => [kind, Type.Boolean()])) as Record<
        EmailKind,
        ReturnType<typeof Type.Boolean>
      >,
      { additionalProperties: false },
    ),
    /** When the weekly digest comes, in `timeZone`. */
    digest: Type.Object(
      { day: oneOf(WEEKDAYS), hour: Type.Integer({ minimum: 0, maximum: 23 }) },
      { additionalProperties: false },
    ),
    /** An IANA time zone (`Europe/Berlin`); quiet hours and the digest follow it. */
    timeZone: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_+\\-/]+$' }),
    /** Mail waits while these hours last (they may span midnight); null for none. */
    quietHours: Type.Union([
      Type.Object({ start: LocalTime, end: LocalTime }, { additionalProperties: false }),
      Type.Null(),
    ]),
  },
  { additionalProperties: false },
);
export type NotificationPreferences = Static<typeof NotificationPreferences>;
