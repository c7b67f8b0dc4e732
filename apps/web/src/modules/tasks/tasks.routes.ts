import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '#web/app/root-route';

export const taskRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tasks/$taskId',
  component: lazyRouteComponent(() => import('./TaskPage'), 'TaskPage'),
});
