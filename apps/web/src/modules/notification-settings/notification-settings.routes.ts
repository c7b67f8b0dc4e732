import { DELIVERY_CHANNELS, DELIVERY_STATUSES } from '@coachflow/contracts';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '#web/app/root-route';
import { optionalOneOf, optionalString } from '#web/app/search-params';

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

export const DELIVERY_WINDOWS = ['1h', '24h', '7d', '30d'] as const;
export type DeliveryWindow = (typeof DELIVERY_WINDOWS)[number];

/** The delivery log's filters, all in the URL so a view can be shared and the back button restores it. */
export interface DeliveriesSearch {
  status?: (typeof DELIVERY_STATUSES)[number];
  channel?: (typeof DELIVERY_CHANNELS)[number];
  /** A person (email) or a webhook endpoint. */
  recipient?: string;
  /** Queued within the last hour, day, week or month. */
  within?: DeliveryWindow;
}

/** Admins' view of the outbox: what was sent to whom, what waits and what failed. */
export const deliveriesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/deliveries',
  validateSearch: (search: Record<string, unknown>): DeliveriesSearch => ({
    status: optionalOneOf(search['status'], DELIVERY_STATUSES),
    channel: optionalOneOf(search['channel'], DELIVERY_CHANNELS),
    recipient: optionalString(search['recipient']),
    within: optionalOneOf(search['within'], DELIVERY_WINDOWS),
  }),
  component: lazyRouteComponent(() => import('./DeliveriesPage'), 'DeliveriesPage'),
});

export const notificationSettingsRoutes = [
  notificationSettingsRoute,
  webhooksRoute,
  deliveriesRoute,
] as const;
