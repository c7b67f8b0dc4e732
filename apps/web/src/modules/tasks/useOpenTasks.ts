import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '#web/api/client';
import { queryKeys } from '#web/api/query-keys';
import type { InboxList } from '#web/api/types';

/** The most an inbox shows at once; the API's page limit. */
export const INBOX_PAGE = 200;

/**
 * Open tasks of the caller, or of `assignee` (someone within the caller's reach), as inbox rows: live
 * messages write task summaries into the caller's own list (see `applyToInboxes`).
 */
export function useOpenTasks(assignee?: string) {
  return useQuery<InboxList>({
    queryKey: queryKeys.tasks.list({ status: 'open', assignee }),
    queryFn: () =>
      unwrap(api.GET('/api/tasks', { params: { query: { status: 'open', assignee, limit: INBOX_PAGE } } })),
  });
}
