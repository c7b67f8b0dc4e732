import type { User } from './types';

export interface Session {
  /** Short-lived access token, kept in memory only: the httpOnly refresh cookie renews it. */
  token: string;
  user: User;
}

type Listener = () => void;

let current: Session | null = null;
let expired = false;
let pendingRefresh: Promise<Session | null> | null = null;
const listeners = new Set<Listener>();

function publish(next: Session | null, becauseExpired = false): void {
  current = next;
  expired = becauseExpired;
  listeners.forEach((listener) => listener());
}

/** The signed-in session, held in memory for this tab (never in storage scripts could read). */
export const sessionStore = {
  get: (): Session | null => current,
  /** True after a session ended because it could not be renewed (not because the person signed out). */
  wasExpired: (): boolean => expired,
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  set: (session: Session | null): void => publish(session),
  /** The refresh cookie could not renew the session: listeners send the person to sign in again. */
  expire: (): void => publish(null, true),
};

async function postJson(path: string, body?: unknown, token?: string): Promise<Response> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers['authorization'] = `Bearer ${token}`;
  return fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/**
 * Renews the access token with the refresh cookie. Concurrent callers share one request, because the
 * server rotates the refresh token and a second use of the old one would end the session.
 */
export function refreshSession(): Promise<Session | null> {
  pendingRefresh ??= (async () => {
    try {
      const response = await postJson('/api/auth/refresh');
      if (!response.ok) return null;
      const { token, user } = (await response.json()) as Session;
      const session = { token, user };
      publish(session);
      return session;
    } catch {
      return null;
    } finally {
      pendingRefresh = null;
    }
  })();
  return pendingRefresh;
}

/** Signs in with email and password; the answer's status tells a wrong password (401) from throttling (429). */
export async function signIn(
  email: string,
  password: string,
): Promise<{ ok: true; session: Session } | { ok: false; status: number }> {
  const response = await postJson('/api/auth/login', { email, password });
  if (!response.ok) return { ok: false, status: response.status };
  const { token, user } = (await response.json()) as Session;
  const session = { token, user };
  publish(session);
  return { ok: true, session };
}

/** Ends the session on the server (its access and refresh tokens) and forgets it here. */
export async function signOut(): Promise<void> {
  const token = current?.token;
  publish(null);
  await postJson('/api/auth/logout', undefined, token).catch(() => undefined);
}
