import type { NotificationPreferences, Role, Weekday } from '@coachflow/contracts';
import { instantOf, localParts } from './local-time';

/**
 * Defaults by role: managers and leaders get every mail (escalations are theirs to act on) and a Monday
 * 8:00 digest of their team; reps get their own reminders and the digest of their commitments; admins only
 * what concerns them (escalations and tasks assigned to them, no reminders or digest). No quiet hours
 * until the person sets them (an escalation should not wait for a time zone nobody chose), UTC until they
 * set their zone.
 */
export function defaultNotificationPreferences(role: Role): NotificationPreferences {
  const reminders = role !== 'admin';
  return {
    email: {
      'escalation-raised': true,
      'task-overdue': true,
      'task-due-soon': reminders,
      'commitment-due': true,
      'coaching-session': true,
      'weekly-digest': reminders,
    },
    digest: { day: 'monday', hour: 8 },
    timeZone: 'UTC',
    quietHours: null,
  };
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * When the quiet hours around `now` end, or undefined when `now` is not in them (pure): mail waits until
 * then. Hours may span midnight (22:00-07:00); equal start and end mean none.
 */
export function quietUntil(preferences: NotificationPreferences, now: Date): Date | undefined {
  const quiet = preferences.quietHours;
  if (!quiet) return undefined;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return undefined;
  const local = localParts(now, preferences.timeZone);
  const minute = local.hour * 60 + local.minute;
  const inside = start < end ? minute >= start && minute < end : minute >= start || minute < end;
  if (!inside) return undefined;
  // The end falls today, or tomorrow when the quiet hours began before midnight.
  const day = new Date(Date.UTC(local.year, local.month - 1, local.day + (minute >= end ? 1 : 0)));
  return instantOf(
    {
      year: day.getUTCFullYear(),
      month: day.getUTCMonth() + 1,
      day: day.getUTCDate(),
      hour: Math.floor(end / 60),
      minute: end % 60,
    },
    preferences.timeZone,
  );
}

/**
 * ISO weekday numbers. Not `WEEKDAYS.indexOf`: the domain takes only types from contracts, so the workflow
 * bundle carries none of its schemas, which the worker would build again for every workflow it creates.
 */
const ISO_WEEKDAY: Record<Weekday, number> = {
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
};
const isoWeekday = (day: Weekday) => ISO_WEEKDAY[day];

/** The latest digest time at or before `now` (pure): the configured weekday and hour in the person's zone. */
export function lastDigestAt(preferences: NotificationPreferences, now: Date): Date {
  const local = localParts(now, preferences.timeZone);
  const back = (local.weekday - isoWeekday(preferences.digest.day) + 7) % 7;
  const at = (daysBack: number) => {
    const day = new Date(Date.UTC(local.year, local.month - 1, local.day - daysBack));
    return instantOf(
      {
        year: day.getUTCFullYear(),
        month: day.getUTCMonth() + 1,
        day: day.getUTCDate(),
        hour: preferences.digest.hour,
        minute: 0,
      },
      preferences.timeZone,
    );
  };
  const candidate = at(back);
  return candidate.getTime() <= now.getTime() ? candidate : at(back + 7);
}

/** The next digest time after `now` (pure): the latest one a week on. */
export function nextDigestAt(preferences: NotificationPreferences, now: Date): Date {
  return lastDigestAt(preferences, new Date(now.getTime() + 7 * 24 * 3_600_000));
}
