import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '#web/api/client';
import { queryKeys } from '#web/api/query-keys';
import type { ResponseOf } from '#web/api/types';

export type WebhookEndpoint = ResponseOf<'/api/webhooks', 'get'>['items'][number];
export type WebhookEventType = WebhookEndpoint['eventTypes'][number];
export type WebhookDelivery = ResponseOf<'/api/webhooks/{id}/deliveries', 'get'>['items'][number];

/** The registered webhook endpoints (admins only; the API refuses everyone else). */
export function useWebhooks() {
  return useQuery({
    queryKey: queryKeys.webhooks.all,
    queryFn: () => unwrap(api.GET('/api/webhooks')),
  });
}

/** Registers an endpoint; the answer carries its signing secret, shown once by the caller. */
export function useRegisterWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { url: string; eventTypes: WebhookEventType[]; format: 'standard' | 'slack' }) =>
      unwrap(api.POST('/api/webhooks', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.webhooks.all }),
  });
}

/** One endpoint's newest deliveries. */
export function useWebhookDeliveries(id: string) {
  return useQuery({
    queryKey: queryKeys.webhooks.deliveries(id),
    queryFn: () =>
      unwrap(api.GET('/api/webhooks/{id}/deliveries', { params: { path: { id }, query: { limit: 20 } } })),
  });
}

/** Queues a test event to one endpoint, then refreshes its delivery log. */
export function useSendTestEvent(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/webhooks/{id}/test', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.webhooks.deliveries(id) }),
  });
}

/** Enables an endpoint again after it was disabled for failing. */
export function useEnableWebhook(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/webhooks/{id}/enable', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.webhooks.all }),
  });
}

/** Deletes an endpoint; its past deliveries stay in the organisation's delivery log. */
export function useDeleteWebhook(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/webhooks/{id}', { params: { path: { id } } })),
    // Out of the list at once, and its log forgotten: refetching a deleted endpoint's log would be a 404.
    onSuccess: () => {
      queryClient.setQueryData<{ items: WebhookEndpoint[] }>(
        queryKeys.webhooks.all,
        (list) => list && { items: list.items.filter((endpoint) => endpoint.id !== id) },
      );
      queryClient.removeQueries({ queryKey: queryKeys.webhooks.deliveries(id) });
      return queryClient.invalidateQueries({ queryKey: queryKeys.webhooks.all, exact: true });
    },
  });
}
