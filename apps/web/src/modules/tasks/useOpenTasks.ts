import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '#web/api/client';
import { queryKeys } from '#web/api/query-keys';

/** The most an inbox shows at once; the API's page limit. */
export const INBOX_PAGE = 200;

/** Open tasks of the caller, or of `assignee` (someone within the caller's reach). */
export function useOpenTasks(assignee?: string) {
  return useQuery({
    queryKey: queryKeys.tasks.list({ status: 'open', assignee }),
    queryFn: () =>
      unwrap(api.GET('/api/tasks', { params: { query: { status: 'open', assignee, limit: INBOX_PAGE } } })),
  });
}
