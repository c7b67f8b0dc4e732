import { useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '#web/api/client';
import { queryKeys } from '#web/api/query-keys';
import type { ResponseOf } from '#web/api/types';
import type { DeliveriesSearch, DeliveryWindow } from './notification-settings.routes';

export type Delivery = ResponseOf<'/api/deliveries', 'get'>['items'][number];

const WINDOW_MS: Record<DeliveryWindow, number> = {
  '1h': 3600_000,
  '24h': 24 * 3600_000,
  '7d': 7 * 24 * 3600_000,
  '30d': 30 * 24 * 3600_000,
};

const PAGE_SIZE = 50;

/** The organisation's deliveries, newest first, a page at a time (admins only). */
export function useDeliveries(search: DeliveriesSearch) {
  return useInfiniteQuery({
    queryKey: queryKeys.deliveries.list(search),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/deliveries', {
          params: {
            query: {
              limit: String(PAGE_SIZE),
              ...(pageParam ? { cursor: pageParam } : {}),
              ...(search.status ? { status: search.status } : {}),
              ...(search.channel ? { channel: search.channel } : {}),
              ...(search.recipient ? { recipientId: search.recipient } : {}),
              ...(search.within
                ? { since: new Date(Date.now() - WINDOW_MS[search.within]).toISOString() }
                : {}),
            },
          },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
