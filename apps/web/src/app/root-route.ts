import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, redirect } from '@tanstack/react-router';
import { refreshSession, sessionStore } from '../api/session';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { RootLayout } from './RootLayout';

export interface RouterContext {
  queryClient: QueryClient;
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
  notFoundComponent: NotFoundPage,
});

/** Every signed-in page sits under this route: it renews the session from the cookie or asks to sign in. */
export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ location }) => {
    const session = sessionStore.get() ?? (await refreshSession());
    if (!session) throw redirect({ to: '/login', search: { redirect: location.href } });
    return { user: session.user };
  },
  component: AppLayout,
});
