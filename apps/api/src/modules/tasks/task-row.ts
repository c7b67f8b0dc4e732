import type { TaskKind, TaskStatus } from '@coachflow/contracts';
import { TASKS_TABLE } from '@coachflow/read-models';

/** A task as the tasks projection stores it, with its cycle's current manager from the registry. */
export interface TaskRow {
  id: string;
  cycleId: string;
  organisationId: string;
  repId: string;
  managerId: string;
  playbookId: string;
  playbookVersion: number;
  kind: TaskKind;
  assigneeId: string;
  dueAt: Date;
  status: TaskStatus;
  context: Record<string, unknown>;
  formId: string | null;
  formVersion: number | null;
  rubricId: string | null;
  rubricVersion: number | null;
  openedAt: Date;
  overdueAt: Date | null;
  completedAt: Date | null;
  closedAt: Date | null;
}

/** `SELECT ... FROM` part of every task read: the projection joined to the cycle registry (alias `c`). */
export const TASK_SELECT = `SELECT t.task_id AS id, t.cycle_id AS "cycleId", t.organisation_id AS "organisationId",
    t.rep_id AS "repId", c.manager_id AS "managerId", c.playbook_id AS "playbookId",
    c.playbook_version AS "playbookVersion", t.kind, t.assignee_id AS "assigneeId", t.due_at AS "dueAt",
    t.status, t.context, t.form_id AS "formId", t.form_version AS "formVersion", t.rubric_id AS "rubricId",
    t.rubric_version AS "rubricVersion", t.opened_at AS "openedAt", t.overdue_at AS "overdueAt",
    t.completed_at AS "completedAt", t.closed_at AS "closedAt"
  FROM ${TASKS_TABLE} t JOIN cycles c ON c.id = t.cycle_id`;
