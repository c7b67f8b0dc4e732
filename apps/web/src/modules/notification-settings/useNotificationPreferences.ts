import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '#web/api/client';
import { queryKeys } from '#web/api/query-keys';
import type { ResponseOf } from '#web/api/types';

export type NotificationPreferences = ResponseOf<'/api/me/notification-preferences', 'get'>;

/** The caller's saved mail preferences, or their role's defaults. */
export function useNotificationPreferences() {
  return useQuery({
    queryKey: queryKeys.notificationPreferences,
    queryFn: () => unwrap(api.GET('/api/me/notification-preferences')),
  });
}

/** Replaces the caller's preferences; the answer becomes the cached value. */
export function useSaveNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationPreferences) =>
      unwrap(api.PUT('/api/me/notification-preferences', { body })),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.notificationPreferences, saved),
  });
}
