import { type Static, Type } from '@sinclair/typebox';
import { oneOf, Uuid } from './identifiers';
import { pageSchema } from './page';
import { TASK_KINDS } from './task-kinds';

export const TASK_STATUSES = ['open', 'completed', 'closed'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const ListTasksQuery = Type.Object(
  {
    status: Type.Optional(oneOf(TASK_STATUSES)),
    /** Another person's tasks: a manager's direct reports, a leader's tree, anyone for an admin. */
    assignee: Type.Optional(Uuid),
    cycleId: Type.Optional(Uuid),
    limit: Type.Optional(Type.String()),
    cursor: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type ListTasksQuery = Static<typeof ListTasksQuery>;

/** The form a task is filled in with: the pinned version's schema, made effective for the cycle's rubric. */
export const TaskFormView = Type.Object({
  id: Type.Union([Uuid, Type.Null()], { description: 'Null for a built-in default form.' }),
  version: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  schema: Type.Record(Type.String(), Type.Unknown()),
  uiSchema: Type.Record(Type.String(), Type.Unknown()),
});
export type TaskFormView = Static<typeof TaskFormView>;

/**
 * What an inbox row shows of a task: who, which cycle, what kind, when due. The part of `TaskView` a
 * live-update message carries, so an open inbox shows the change without fetching the list again.
 */
export const TaskSummary = Type.Object({
  id: Uuid,
  cycleId: Uuid,
  repId: Uuid,
  kind: oneOf(TASK_KINDS),
  assigneeId: Uuid,
  dueAt: Type.String({ format: 'date-time' }),
  status: oneOf(TASK_STATUSES),
  openedAt: Type.String({ format: 'date-time' }),
  /** Set once the due time passed while the task was open. */
  overdueAt: Type.Optional(Type.String({ format: 'date-time' })),
});
export type TaskSummary = Static<typeof TaskSummary>;

/** A task handed to a person (shared/API.md, "Tasks"): its summary, what it is about and its form. */
export const TaskView = Type.Composite([
  TaskSummary,
  Type.Object({
    /** What the task is about: `commitmentId` (and `level` for an escalation), the ranked gaps, ... */
    context: Type.Record(Type.String(), Type.Unknown()),
    form: TaskFormView,
    /**
     * The rubric version the cycle pinned (absent for cycles started before configuration existed): its
     * competencies' descriptions, indicators and scale labels, readable by every member at
     * `GET /api/rubrics/{id}/versions/{version}`, are what a rating widget shows.
     */
    rubric: Type.Optional(Type.Object({ id: Uuid, version: Type.Integer({ minimum: 1 }) })),
    completedAt: Type.Optional(Type.String({ format: 'date-time' })),
    closedAt: Type.Optional(Type.String({ format: 'date-time' })),
  }),
]);
export type TaskView = Static<typeof TaskView>;

/** One page of an inbox, `{items, nextCursor}` like every list. */
export const TaskList = pageSchema(TaskView);
export type TaskList = Static<typeof TaskList>;

/** The body of `POST /api/tasks/:id/complete`: the task's form data. */
export const CompleteTaskBody = Type.Object(
  { data: Type.Record(Type.String(), Type.Unknown()) },
  { additionalProperties: false },
);
export type CompleteTaskBody = Static<typeof CompleteTaskBody>;

/**
 * A completion, the one request type from the API through the workflow's Update to the domain's
 * CompleteTask command: which task, who completes it (its assignee) and the form data.
 */
export interface CompleteTaskRequest extends CompleteTaskBody {
  taskId: string;
  userId: string;
}

/** What a completion recorded: the `TaskCompleted` event, and the tasks it opened for the same person. */
export const TaskCompletionRecord = Type.Object({
  eventId: Type.String(),
  /** The event's global position in the event store. */
  position: Type.Integer({ minimum: 1 }),
  recordedAt: Type.String({ format: 'date-time' }),
  /** Tasks the completion opened for the caller, to go on with (the next step of the cycle). */
  openedTaskIds: Type.Array(Uuid),
});
export type TaskCompletionRecord = Static<typeof TaskCompletionRecord>;

/** The completed task, with what was recorded. */
export const CompletedTaskView = Type.Composite([
  TaskView,
  Type.Object({ completion: TaskCompletionRecord }),
]);
export type CompletedTaskView = Static<typeof CompletedTaskView>;
