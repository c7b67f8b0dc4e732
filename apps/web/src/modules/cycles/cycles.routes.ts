import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '#web/app/root-route';

export const cycleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cycles/$cycleId',
  component: lazyRouteComponent(() => import('./CyclePage'), 'CyclePage'),
});
