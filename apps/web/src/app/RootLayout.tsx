import { Outlet, useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';
import { sessionStore } from '../api/session';

/** Sends the person to sign in when the session could not be renewed, remembering where they were. */
export function RootLayout() {
  const router = useRouter();
  useEffect(
    () =>
      sessionStore.subscribe(() => {
        if (sessionStore.get() || !sessionStore.wasExpired()) return;
        const here = router.state.location;
        if (here.pathname === '/login') return;
        void router.navigate({ to: '/login', search: { redirect: here.href } });
      }),
    [router],
  );
  return <Outlet />;
}
