/** Quick picks for a due date, stored as ISO 8601 durations from the moment of submitting. */
export const DUE_PRESETS = [
  { value: 'P7D', label: 'In 1 week' },
  { value: 'P14D', label: 'In 2 weeks' },
  { value: 'P30D', label: 'In 30 days' },
] as const;

export interface DuePreset {
  value: string;
  label: string;
}

/**
 * The quick picks for a due date: the fixed ones, and first "the plan's length" when the cycle's playbook
 * says how long a plan runs (a commitment usually lasts the plan), unless a fixed pick is the same.
 */
export function duePresets(planLength: string | undefined, describe: (iso: string) => string): DuePreset[] {
  const fixed: DuePreset[] = DUE_PRESETS.map(({ value, label }) => ({ value, label }));
  if (!planLength || fixed.some((preset) => preset.value === planLength)) return fixed;
  return [{ value: planLength, label: `In ${describe(planLength)} (the plan's length)` }, ...fixed];
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A date picked in the calendar as the API's date-time: the end of that day, local time. */
export function dueFromDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1, 17, 0, 0).toISOString();
}

/** The calendar date (YYYY-MM-DD, local) of a stored due value, or null for a duration or nothing. */
export function dateOfDue(value: string | undefined): string | null {
  if (!value || value.startsWith('P')) return null;
  if (DATE_ONLY.test(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
