import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '#web/app/root-route';

/** Everyone's mail preferences. */
export const notificationSettingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings/notifications',
  component: lazyRouteComponent(() => import('./NotificationSettingsPage'), 'NotificationSettingsPage'),
});

export const notificationSettingsRoutes = [notificationSettingsRoute] as const;
