import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '#web/app/root-route';
import { optionalString } from '#web/app/search-params';

export interface TeamSearch {
  /** A leader narrows the subtree to one manager's reports. */
  manager?: string;
}

export const teamRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/team',
  validateSearch: (search: Record<string, unknown>): TeamSearch => ({
    manager: optionalString(search['manager']),
  }),
  component: lazyRouteComponent(() => import('./TeamPage'), 'TeamPage'),
});
