import type { TaskFormView, TaskView } from '@coachflow/contracts';
import { type TaskRow, toTaskSummary } from '@coachflow/read-models';

/** The API's view of a task row with its resolved form. */
export function toTaskView(row: TaskRow, form: TaskFormView): TaskView {
  return {
    ...toTaskSummary(row),
    context: row.context,
    form,
    ...(row.rubricId && row.rubricVersion
      ? { rubric: { id: row.rubricId, version: row.rubricVersion } }
      : {}),
    ...(row.completedAt ? { completedAt: row.completedAt.toISOString() } : {}),
    ...(row.closedAt ? { closedAt: row.closedAt.toISOString() } : {}),
  };
}
