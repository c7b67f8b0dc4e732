import { type Static, Type } from '@sinclair/typebox';
import { oneOf, Uuid } from './identifiers';

export const NOTIFICATION_KINDS = ['escalation', 'task-overdue'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const ListNotificationsQuery = Type.Object(
  {
    unread: Type.Optional(oneOf(['true', 'false'] as const)),
    limit: Type.Optional(Type.String()),
    cursor: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type ListNotificationsQuery = Static<typeof ListNotificationsQuery>;

/** Something a cycle needs the caller to know (shared/API.md, "Notifications"). */
export const NotificationView = Type.Object({
  id: Uuid,
  kind: oneOf(NOTIFICATION_KINDS),
  cycleId: Type.Optional(Uuid),
  taskId: Type.Optional(Uuid),
  /** What it is about: `level` and `commitmentId` for an escalation, `dueAt` for an overdue task. */
  details: Type.Record(Type.String(), Type.Unknown()),
  createdAt: Type.String({ format: 'date-time' }),
  readAt: Type.Optional(Type.String({ format: 'date-time' })),
});
export type NotificationView = Static<typeof NotificationView>;
