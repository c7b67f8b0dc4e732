import { SESSION_MARKER_COOKIE } from '@coachflow/contracts';
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
 * Runs `task` while holding the browser-wide refresh lock (Web Locks API), so tabs of the same browser take
 * turns: each reads the refresh cookie only after the previous tab's rotation set the new one. Without
 * the API (old browsers, tests) the task runs at once.
 */
function oneTabAtATime<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? (locks.request('coachflow-session-refresh', task) as Promise<T>) : task();
}

/**
 * Whether the browser may hold a refresh cookie: the API sets and clears a readable marker cookie with the
 * httpOnly one. Outside a browser (no document) nobody can tell, so it may.
 */
function mayHoldRefreshCookie(): boolean {
  if (typeof document === 'undefined') return true;
  return document.cookie.split(';').some((pair) => pair.trim() === `${SESSION_MARKER_COOKIE}=1`);
}

/**
 * Renews the access token with the refresh cookie; without one (no marker: a first visit, after logout)
 * it asks nobody and answers null. Concurrent callers in this tab share one request, and other tabs wait
 * for it (oneTabAtATime), because the server rotates the refresh token and a second use of the old one
 * would end the session.
 */
export function refreshSession(): Promise<Session | null> {
  if (!pendingRefresh && !mayHoldRefreshCookie()) return Promise.resolve(null);
  pendingRefresh ??= oneTabAtATime(async () => {
    try {
      const response = await postJson('/api/auth/refresh');
      if (!response.ok) return null;
      const { token, user } = (await response.json()) as Session;
      const session = { token, user };
      publish(session);
      return session;
    } catch {
      return null;
    }
  }).finally(() => {
    pendingRefresh = null;
  });
  return pendingRefresh;
}

export interface Organisation {
  id: string;
  name: string;
}

export type SignInResult =
  | { ok: true; session: Session }
  /** The email and password fit users of several organisations: sign in again naming one. */
  | { ok: false; status: 409; organisations: Organisation[] }
  | { ok: false; status: number };

function organisationsOf(body: unknown): Organisation[] {
  const list = (body as { organisations?: unknown } | null)?.organisations;
  return Array.isArray(list)
    ? list.filter(
        (item): item is Organisation =>
          typeof item?.id === 'string' && typeof (item as { name?: unknown }).name === 'string',
      )
    : [];
}

/**
 * Signs in with email and password (and the organisation, once the API asked which). The answer's status
 * tells a wrong password (401) from throttling (429) and from an address in several organisations (409).
 */
export async function signIn(
  email: string,
  password: string,
  organisationId?: string,
): Promise<SignInResult> {
  const response = await postJson('/api/auth/login', {
    email,
    password,
    ...(organisationId ? { organisationId } : {}),
  });
  if (response.status === 409) {
    const organisations = organisationsOf(await response.json().catch(() => null));
    if (organisations.length > 0) return { ok: false, status: 409, organisations };
  }
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
