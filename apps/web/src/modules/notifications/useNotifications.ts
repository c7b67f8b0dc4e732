import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '#web/api/client';
import { queryKeys } from '#web/api/query-keys';

/** The caller's newest notifications (the bell counts the unread among them). */
export function useNotifications() {
  return useQuery({
    queryKey: queryKeys.notifications.all,
    queryFn: () => unwrap(api.GET('/api/notifications', { params: { query: { limit: 200 } } })),
  });
}

/** Marks notifications read (one, or several for "mark all"), then refreshes the list and the bell. */
export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (ids: string[]) => {
      for (const id of ids) {
        await unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id } } }));
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.notifications.all }),
  });
}
