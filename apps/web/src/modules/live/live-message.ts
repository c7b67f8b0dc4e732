import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { queryKeys } from '#web/api/query-keys';
import type { InboxList, LiveUpdateData, TaskSummary } from '#web/api/types';

/** One server-sent event of GET /api/stream: `event` names what changed, `data` which one. */
export interface LiveMessage {
  event: string;
  data: string;
}

/** The message's data, or undefined when it is not the JSON object the stream sends. */
export function parseLiveData(data: string): LiveUpdateData | undefined {
  try {
    const parsed: unknown = JSON.parse(data);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    return typeof (parsed as { type?: unknown }).type === 'string' ? (parsed as LiveUpdateData) : undefined;
  } catch {
    return undefined;
  }
}

/** The queries a live message makes stale: a task touches task lists and its cycle, and so on. */
export function queriesToInvalidate(message: LiveMessage): QueryKey[] {
  const cycleId = parseLiveData(message.data)?.cycleId;
  const cycleKeys = cycleId ? [queryKeys.cycles.one(cycleId), queryKeys.cycles.events(cycleId)] : [];
  switch (message.event) {
    case 'task':
      return [queryKeys.tasks.all, queryKeys.team.all, ...cycleKeys];
    case 'notification':
      return [queryKeys.notifications.all];
    case 'cycle':
      return [queryKeys.cycles.all, queryKeys.team.all, queryKeys.tasks.all];
    default:
      return [];
  }
}

/**
 * `userId`'s inbox list after a message carrying `task`: the task added, or updated in place, while it is
 * open and theirs; removed otherwise (completed, closed, reassigned). The same list when nothing changes.
 */
export function inboxAfter(list: InboxList, userId: string, task: TaskSummary): InboxList {
  const stays = task.status === 'open' && task.assigneeId === userId;
  const at = list.items.findIndex((item) => item.id === task.id);
  if (!stays) return at < 0 ? list : { ...list, items: list.items.filter((item) => item.id !== task.id) };
  const items = [...list.items];
  if (at < 0) items.push(task);
  else items[at] = task;
  return { ...list, items };
}

/** Whether a cached task list is `userId`'s own inbox of open tasks (not someone else's, not a cycle's). */
function isOwnInbox(queryKey: QueryKey, userId: string): boolean {
  const filter = queryKey[2] as { status?: string; assignee?: string; cycleId?: string } | undefined;
  return (
    queryKey[0] === queryKeys.tasks.all[0] &&
    queryKey[1] === 'list' &&
    filter?.status === 'open' &&
    filter.cycleId === undefined &&
    (filter.assignee === undefined || filter.assignee === userId)
  );
}

/**
 * Writes the task a `task` message carries into `userId`'s cached inboxes, so an open inbox shows the
 * change without fetching its list first. A message without a task (a reassigned task's previous
 * assignee hears only that it changed) and other kinds change nothing here: the refetch that
 * `queriesToInvalidate` starts settles them.
 */
export function applyToInboxes(queryClient: QueryClient, message: LiveMessage, userId: string): void {
  const task = message.event === 'task' ? parseLiveData(message.data)?.task : undefined;
  if (!task) return;
  queryClient.setQueriesData<InboxList>(
    { queryKey: queryKeys.tasks.all, predicate: (query) => isOwnInbox(query.queryKey, userId) },
    (list) => list && inboxAfter(list, userId, task),
  );
}
