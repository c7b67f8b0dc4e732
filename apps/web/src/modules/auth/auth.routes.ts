import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { optionalString } from '#web/app/search-params';
import { rootRoute } from '#web/app/root-route';

export interface LoginSearch {
  /** Where to go back after signing in: an in-app path, never another origin. */
  redirect?: string;
}

export const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): LoginSearch => {
    const redirect = optionalString(search['redirect']);
    return { redirect: redirect?.startsWith('/') && !redirect.startsWith('//') ? redirect : undefined };
  },
  component: lazyRouteComponent(() => import('./LoginPage'), 'LoginPage'),
});
