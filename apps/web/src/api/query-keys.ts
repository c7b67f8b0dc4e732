/**
 * Every query key in one place, so a mutation or a live event invalidates exactly the lists it changes.
 * Keys nest: invalidating `tasks.all` refreshes every task list and task.
 */
export const queryKeys = {
  me: ['me'] as const,
  tasks: {
    all: ['tasks'] as const,
    list: (filter: { assignee?: string; cycleId?: string; status?: string }) =>
      ['tasks', 'list', filter] as const,
    one: (id: string) => ['tasks', 'one', id] as const,
  },
  cycles: {
    all: ['cycles'] as const,
    list: (filter: { repId?: string; status?: string }) => ['cycles', 'list', filter] as const,
    one: (id: string) => ['cycles', 'one', id] as const,
    events: (id: string) => ['cycles', 'events', id] as const,
  },
  notifications: { all: ['notifications'] as const },
  notificationPreferences: ['notification-preferences'] as const,
  webhooks: {
    all: ['webhooks'] as const,
    deliveries: (id: string) => ['webhooks', 'deliveries', id] as const,
  },
  deliveries: {
    list: (filter: { status?: string; channel?: string; recipient?: string; within?: string }) =>
      ['deliveries', 'list', filter] as const,
  },
  users: { all: ['users'] as const, one: (id: string) => ['users', 'one', id] as const },
  team: { all: ['team'] as const },
  configuration: { all: ['configuration'] as const },
};
