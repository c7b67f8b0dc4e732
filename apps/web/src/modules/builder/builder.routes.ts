import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '#web/app/root-route';

/**
 * The admins' builder area, loaded only when opened so task users never download it. The builder owns
 * this folder: it may add child routes here and return them from `builderRoutes`.
 */
export const builderRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/builder',
  component: lazyRouteComponent(() => import('./BuilderHome'), 'BuilderHome'),
});

export const builderRoutes = [builderRoute] as const;
