import type { QueryKey } from '@tanstack/react-query';
import { queryKeys } from '#web/api/query-keys';

/** One server-sent event of GET /api/stream: `event` names what changed, `data` which one. */
export interface LiveMessage {
  event: string;
  data: string;
}

interface LiveData {
  type?: unknown;
  cycleId?: unknown;
  taskId?: unknown;
}

function parse(data: string): LiveData {
  try {
    const parsed: unknown = JSON.parse(data);
    return typeof parsed === 'object' && parsed !== null ? (parsed as LiveData) : {};
  } catch {
    return {};
  }
}

/** The queries a live message makes stale: a task touches task lists and its cycle, and so on. */
export function queriesToInvalidate(message: LiveMessage): QueryKey[] {
  const data = parse(message.data);
  const cycleKeys =
    typeof data.cycleId === 'string'
      ? [queryKeys.cycles.one(data.cycleId), queryKeys.cycles.events(data.cycleId)]
      : [];
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
