import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { inAppPath } from '@coachflow/contracts';
import { rootRoute } from '#web/app/root-route';

export interface LoginSearch {
  /** Where to go back after signing in: an in-app path, never another origin. */
  redirect?: string;
}

export const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): LoginSearch => ({
    redirect: inAppPath(search['redirect']),
  }),
  component: lazyRouteComponent(() => import('./LoginPage'), 'LoginPage'),
});
