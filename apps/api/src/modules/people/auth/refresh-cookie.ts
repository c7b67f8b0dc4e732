import type { FastifyReply, FastifyRequest } from 'fastify';
import '@fastify/cookie';

/** The web app's refresh token: httpOnly (no script reads it), SameSite=Strict, sent to /api/auth only. */
export const REFRESH_COOKIE = 'coachflow_refresh';
const COOKIE_PATH = '/api/auth';

/** The attributes every Set-Cookie of the refresh cookie carries: setting it and clearing it alike. */
function attributes(secure: boolean) {
  return { httpOnly: true, sameSite: 'strict', secure, path: COOKIE_PATH } as const;
}

export function setRefreshCookie(
  reply: FastifyReply,
  refreshToken: string,
  options: { secure: boolean; maxAgeSeconds: number },
): void {
  void reply.setCookie(REFRESH_COOKIE, refreshToken, {
    ...attributes(options.secure),
    maxAge: options.maxAgeSeconds,
  });
}

export function clearRefreshCookie(reply: FastifyReply, options: { secure: boolean }): void {
  void reply.clearCookie(REFRESH_COOKIE, attributes(options.secure));
}

export function refreshCookieOf(request: FastifyRequest): string | undefined {
  return request.cookies[REFRESH_COOKIE];
}
