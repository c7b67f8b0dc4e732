import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, unwrap } from '#web/api/client';
import { queryKeys } from '#web/api/query-keys';
import type { User } from '#web/api/types';

/** The people within the caller's reach (admins: everyone), as a list and by id. */
export function useUsers() {
  const query = useQuery({
    queryKey: queryKeys.users.all,
    queryFn: () => unwrap(api.GET('/api/users', { params: { query: { limit: 200 } } })),
    staleTime: 60_000,
  });
  const byId = useMemo(
    () => new Map<string, User>((query.data?.items ?? []).map((user) => [user.id, user])),
    [query.data],
  );
  return { ...query, users: query.data?.items ?? [], byId };
}

/** A person's name for display, or a neutral word while unknown. */
export function nameOf(byId: Map<string, User>, id: string | null | undefined): string {
  if (!id) return 'nobody';
  return byId.get(id)?.name ?? 'someone';
}
