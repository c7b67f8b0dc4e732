export type DueGroup = 'overdue' | 'today' | 'week' | 'later';

export const DUE_GROUP_LABELS: Record<DueGroup, string> = {
  overdue: 'Overdue',
  today: 'Due today',
  week: 'This week',
  later: 'Later',
};

const ORDER: DueGroup[] = ['overdue', 'today', 'week', 'later'];

/** Which group a due time falls in, seen from `now` (local days; a week is the next seven days). */
export function dueGroupOf(dueAt: string, now: Date): DueGroup {
  const due = Date.parse(dueAt);
  if (due < now.getTime()) return 'overdue';
  const endOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime();
  if (due < endOfToday) return 'today';
  if (due < endOfToday + 6 * 24 * 3600_000) return 'week';
  return 'later';
}

/** Tasks in due groups, soonest first within each; empty groups left out. */
export function groupByDue<T extends { dueAt: string }>(
  tasks: readonly T[],
  now: Date,
): { group: DueGroup; tasks: T[] }[] {
  const sorted = [...tasks].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  return ORDER.map((group) => ({
    group,
    tasks: sorted.filter((task) => dueGroupOf(task.dueAt, now) === group),
  })).filter((entry) => entry.tasks.length > 0);
}
