import { SESSION_MARKER_COOKIE } from '@coachflow/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import '@fastify/cookie';

/** The web app's refresh token: httpOnly (no script reads it), SameSite=Strict, sent to /api/auth only. */
export const REFRESH_COOKIE = 'coachflow_refresh';
const COOKIE_PATH = '/api/auth';

/** The attributes every Set-Cookie of the refresh cookie carries: setting it and clearing it alike. */
function attributes(secure: boolean) {
  return { httpOnly: true, sameSite: 'strict', secure, path: COOKIE_PATH } as const;
}

/**
 * The marker's attributes: those of the refresh cookie, except readable by the page's scripts and sent
 * for every path (a page at / cannot read a cookie of /api/auth). It holds `1`, nothing secret.
 */
function markerAttributes(secure: boolean) {
  return { httpOnly: false, sameSite: 'strict', secure, path: '/' } as const;
}

/** Sets the refresh cookie and the session marker (`SESSION_MARKER_COOKIE`), which expire together. */
export function setRefreshCookie(
  reply: FastifyReply,
  refreshToken: string,
  options: { secure: boolean; maxAgeSeconds: number },
): void {
  void reply.setCookie(REFRESH_COOKIE, refreshToken, {
    ...attributes(options.secure),
    maxAge: options.maxAgeSeconds,
  });
  void reply.setCookie(SESSION_MARKER_COOKIE, '1', {
    ...markerAttributes(options.secure),
    maxAge: options.maxAgeSeconds,
  });
}

/** Clears both: on logout, and when the refresh cookie no longer renews anything (revoked, expired). */
export function clearRefreshCookie(reply: FastifyReply, options: { secure: boolean }): void {
  void reply.clearCookie(REFRESH_COOKIE, attributes(options.secure));
  void reply.clearCookie(SESSION_MARKER_COOKIE, markerAttributes(options.secure));
}

export function refreshCookieOf(request: FastifyRequest): string | undefined {
  return request.cookies[REFRESH_COOKIE];
}
