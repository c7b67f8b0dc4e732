import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '#web/app/root-route';

/** Everyone's mail preferences. */
export const notificationSettingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings/notifications',
  component: lazyRouteComponent(() => import('./NotificationSettingsPage'), 'NotificationSettingsPage'),
});

/** Admins' webhook endpoints and their deliveries (the API refuses everyone else). */
export const webhooksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/webhooks',
  component: lazyRouteComponent(() => import('./WebhooksPage'), 'WebhooksPage'),
});

export const notificationSettingsRoutes = [notificationSettingsRoute, webhooksRoute] as const;
