import { addIsoDuration, isPositiveIsoDuration, parseIsoDuration } from './iso-duration';

/**
 * When a commitment given as `due` (an ISO date-time, a date, or an ISO 8601 duration from `now`) falls due; null
 * when it is neither. Used after checkTaskData has accepted the value.
 */
/**
 * True when a `YYYY-MM-DD` prefix of `text` names a day the calendar has: `2099-02-30` does not, though
 * `Date.parse` rolls it over into March.
 */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function resolveDue(due: unknown, now: string): string | null {
  if (typeof due !== 'string') return null;
  if (due.startsWith('P')) {
    const duration = parseIsoDuration(due);
    if (!duration || !isPositiveIsoDuration(duration)) return null;
    return addIsoDuration(now, due);
  }
  // A bare date is due by the end of that day (UTC); a date-time must carry its zone, or its meaning would
  // depend on where the server runs.
  if (/^\d{4}-\d{2}-\d{2}$/.test(due)) {
    const time = Date.parse(`${due}T23:59:59.999Z`);
    return Number.isNaN(time) ? null : new Date(time).toISOString();
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(due)) return null;
  const time = Date.parse(due);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
