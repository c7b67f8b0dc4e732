import { useSyncExternalStore } from 'react';
import { type Session, sessionStore } from '#web/api/session';

/** The current session (null when signed out), re-rendering when it changes. */
export function useSession(): Session | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get, sessionStore.get);
}

/** The signed-in user; only for pages under the signed-in layout, which guarantees one. */
export function useCurrentUser(): Session['user'] {
  const session = useSession();
  if (!session) throw new Error('useCurrentUser outside a signed-in page');
  return session.user;
}
