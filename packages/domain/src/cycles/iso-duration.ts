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
 * `at` plus an ISO 8601 duration, as an ISO string (UTC). Years and months move the calendar date; the
 * rest is exact time. Throws on text that is not a duration: configuration was validated when published.
 */
export function addIsoDuration(at: string, duration: string): string {
  const parts = parseIsoDuration(duration);
  if (!parts) throw new Error(`not an ISO 8601 duration: ${duration}`);
  const date = new Date(at);
  if (parts.years || parts.months) date.setUTCMonth(date.getUTCMonth() + parts.years * 12 + parts.months);
  const ms =
    ((((parts.weeks * 7 + parts.days) * 24 + parts.hours) * 60 + parts.minutes) * 60 + parts.seconds) * 1000;
  return new Date(date.getTime() + Math.round(ms)).toISOString();
}
