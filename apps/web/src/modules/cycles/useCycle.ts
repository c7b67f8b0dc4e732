import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '#web/api/client';
import { queryKeys } from '#web/api/query-keys';

/** A cycle's summary (phase, commitments, escalations). */
export function useCycle(cycleId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.cycles.one(cycleId ?? ''),
    queryFn: () => unwrap(api.GET('/api/cycles/{id}', { params: { path: { id: cycleId ?? '' } } })),
    enabled: !!cycleId,
  });
}

/** Every event of a cycle, in stream order. */
export function useCycleEvents(cycleId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.cycles.events(cycleId ?? ''),
    queryFn: () => unwrap(api.GET('/api/cycles/{id}/events', { params: { path: { id: cycleId ?? '' } } })),
    enabled: !!cycleId,
  });
}
