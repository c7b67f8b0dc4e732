import type { CycleState, OpenTask } from './cycle-state';

// Decisions walk tasks, commitments and escalations in a fixed order, so a replay decides the same.

/** Open tasks, soonest due first. */
export function sortedTasks(state: CycleState): OpenTask[] {
  return Object.values(state.tasks).sort(
    (a, b) =>
      a.dueAt.localeCompare(b.dueAt) ||
      a.openedAt.localeCompare(b.openedAt) ||
      a.taskId.localeCompare(b.taskId),
  );
}

/** Commitments, soonest due first. */
export function sortedCommitments(state: CycleState) {
  return Object.values(state.commitments).sort(
    (a, b) => a.dueAt.localeCompare(b.dueAt) || a.commitmentId.localeCompare(b.commitmentId),
  );
}

/** Compares records by a string field. */
export function byKey<K extends string>(key: K) {
  return (a: Record<K, string>, b: Record<K, string>) => a[key].localeCompare(b[key]);
}

/** The later of two ISO times. */
export function laterOf(a: string, b: string): string {
  return Date.parse(a) >= Date.parse(b) ? a : b;
}
