import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '#web/app/root-route';

export const peopleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/people',
  component: lazyRouteComponent(() => import('./PeoplePage'), 'PeoplePage'),
});
