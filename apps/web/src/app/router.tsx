import type { QueryClient } from '@tanstack/react-query';
import { createRouter } from '@tanstack/react-router';
import { loginRoute } from '../modules/auth/auth.routes';
import { builderRoutes } from '../modules/builder/builder.routes';
import { cycleRoute } from '../modules/cycles/cycles.routes';
import { inboxRoute } from '../modules/inbox/inbox.routes';
import { notificationSettingsRoutes } from '../modules/notification-settings/notification-settings.routes';
import { notificationsRoute } from '../modules/notifications/notifications.routes';
import { peopleRoute } from '../modules/people/people.routes';
import { taskRoute } from '../modules/tasks/tasks.routes';
import { teamRoute } from '../modules/team/team.routes';
import { appRoute, rootRoute } from './root-route';

const routeTree = rootRoute.addChildren([
  loginRoute,
  appRoute.addChildren([
    inboxRoute,
    taskRoute,
    cycleRoute,
    teamRoute,
    peopleRoute,
    notificationsRoute,
    ...notificationSettingsRoutes,
    ...builderRoutes,
  ]),
]);

/** The app's router: typed routes, each area's page loaded on first visit. */
export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
