import { type Static, Type } from '@sinclair/typebox';
import { oneOf, Uuid } from './identifiers';
import { TaskSummary } from './tasks.schema';

/** The `event:` field of a live-update message: which kind of read model changed for the caller. */
export const LIVE_UPDATE_KINDS = ['task', 'notification', 'cycle'] as const;
export type LiveUpdateKind = (typeof LIVE_UPDATE_KINDS)[number];

/**
 * The `data:` of a message on `GET /api/stream` (server-sent events; its `id:` is the event's global
 * position, its `event:` a LiveUpdateKind): the domain event that changed something the caller sees.
 */
export const LiveUpdateData = Type.Object({
  type: Type.String(),
  cycleId: Type.Optional(Uuid),
  taskId: Type.Optional(Uuid),
  notificationId: Type.Optional(Uuid),
  /**
   * On a `task` message to the task's assignee: the task as the event left it, so an open inbox adds,
   * moves or (no longer open) removes its row at once. Absent for anyone else (a reassigned task's
   * previous assignee): the task is no longer theirs.
   */
  task: Type.Optional(TaskSummary),
});
export type LiveUpdateData = Static<typeof LiveUpdateData>;

export const LiveUpdateKind = oneOf(LIVE_UPDATE_KINDS);
