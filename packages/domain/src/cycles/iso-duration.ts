/** The parts of an ISO 8601 duration (`P1Y2M3W4DT5H6M7.5S`); years and months stay calendar units. */
export interface IsoDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const ISO_DURATION =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

/**
 * Parses an ISO 8601 duration (`P30D`, `PT5S`), or returns null when the text is not one. Hand-written
 * rather than a dependency: the domain runs inside Temporal's workflow sandbox and imports nothing but
 * the contracts, and this is one regular expression.
 */
export function parseIsoDuration(text: string): IsoDuration | null {
  const match = ISO_DURATION.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) return null;
  const part = (index: number) => Number((match[index] ?? '0').replace(',', '.'));
  return {
    years: part(1),
    months: part(2),
    weeks: part(3),
    days: part(4),
    hours: part(5),
    minutes: part(6),
    seconds: part(7),
  };
}

/** True when the duration is longer than zero. */
export function isPositiveIsoDuration(duration: IsoDuration): boolean {
  return Object.values(duration).some((value) => value > 0);
}

/**
 * The longest duration and the farthest date anything in a cycle may name, from the moment it is named.
 * A cycle adds a few of them up (a commitment's due date, then its grace, then escalations), and every sum
 * must stay far inside what Postgres `timestamptz` text, JS `Date` and Temporal timers all hold (year 9999).
 */
export const MAX_HORIZON_YEARS = 100;

/** The latest instant anything may be due at: the last of year 9999, which every store can hold. */
export const LATEST_INSTANT = '9999-12-31T23:59:59.999Z';

const MS_PER_YEAR = 365.2425 * 24 * 60 * 60 * 1000;
const MAX_HORIZON_MS = MAX_HORIZON_YEARS * MS_PER_YEAR;

/** The duration in milliseconds, with calendar years and months at their mean length. */
function approximateMs(parts: IsoDuration): number {
  const exact =
    (((parts.weeks * 7 + parts.days) * 24 + parts.hours) * 60 + parts.minutes) * 60 + parts.seconds;
  return (parts.years + parts.months / 12) * MS_PER_YEAR + exact * 1000;
}

/**
 * What is wrong with `text` as a duration a cycle may wait (not a duration, zero, or longer than
 * MAX_HORIZON_YEARS), or null when nothing is: the one rule for playbook timings and commitments alike.
 */
export function isoDurationProblem(text: string): string | null {
  const parts = parseIsoDuration(text);
  if (!parts) return 'must be an ISO 8601 duration such as P7D or PT5S';
  if (!isPositiveIsoDuration(parts)) return 'must be longer than zero';
  if (!(approximateMs(parts) <= MAX_HORIZON_MS)) return `must be at most ${MAX_HORIZON_YEARS} years`;
  return null;
}

/** True when `at` lies no further than MAX_HORIZON_YEARS after `now`. */
export function isWithinHorizon(at: string, now: string): boolean {
  return Date.parse(at) - Date.parse(now) <= MAX_HORIZON_MS;
}

/**
 * `at` plus an ISO 8601 duration, as an ISO string (UTC). Years and months move the calendar date; the
 * rest is exact time. Throws on text that is not a duration: configuration was validated when published.
 * A sum past LATEST_INSTANT (only configuration published before durations were bounded) is LATEST_INSTANT,
 * never an Invalid Date nor a year that Postgres cannot read.
 */
export function addIsoDuration(at: string, duration: string): string {
  const parts = parseIsoDuration(duration);
  if (!parts) throw new Error(`not an ISO 8601 duration: ${duration}`);
  const date = new Date(at);
  if (parts.years || parts.months) date.setUTCMonth(date.getUTCMonth() + parts.years * 12 + parts.months);
  const ms =
    ((((parts.weeks * 7 + parts.days) * 24 + parts.hours) * 60 + parts.minutes) * 60 + parts.seconds) * 1000;
  const sum = date.getTime() + Math.round(ms);
  // NaN (beyond what Date holds) fails this comparison too.
  return sum <= Date.parse(LATEST_INSTANT) ? new Date(sum).toISOString() : LATEST_INSTANT;
}
