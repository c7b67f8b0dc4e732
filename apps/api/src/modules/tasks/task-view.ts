import type { TaskFormView, TaskView } from '@coachflow/contracts';
import type { TaskRow } from '@coachflow/read-models';

/** The API's view of a task row with its resolved form. */
export function toTaskView(row: TaskRow, form: TaskFormView): TaskView {
  return {
    id: row.id,
    cycleId: row.cycleId,
    repId: row.repId,
    kind: row.kind,
    assigneeId: row.assigneeId,
    dueAt: row.dueAt.toISOString(),
    status: row.status,
    context: row.context,
    form,
    ...(row.rubricId && row.rubricVersion
      ? { rubric: { id: row.rubricId, version: row.rubricVersion } }
      : {}),
    openedAt: row.openedAt.toISOString(),
    ...(row.overdueAt ? { overdueAt: row.overdueAt.toISOString() } : {}),
    ...(row.completedAt ? { completedAt: row.completedAt.toISOString() } : {}),
    ...(row.closedAt ? { closedAt: row.closedAt.toISOString() } : {}),
  };
}
