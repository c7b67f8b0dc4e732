import { QueryClient } from '@tanstack/react-query';
import { ApiProblem } from '../api/problem';

/** One cache for the app: lists stay fresh through live updates, so a short stale time is enough. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // A 4xx will not get better by asking again; a network blip may.
        retry: (failures, error) => !(error instanceof ApiProblem && error.status < 500) && failures < 2,
      },
    },
  });
}
