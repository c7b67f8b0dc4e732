import type { FastifyReply, FastifyRequest } from 'fastify';
import '@fastify/cookie';

/** The web app's refresh token: httpOnly (no script reads it), SameSite=Strict, sent to /api/auth only. */
export const REFRESH_COOKIE = 'coachflow_refresh';
const COOKIE_PATH = '/api/auth';

export function setRefreshCookie(
  reply: FastifyReply,
  refreshToken: string,
  options: { secure: boolean; maxAgeSeconds: number },
): void {
  void reply.setCookie(REFRESH_COOKIE, refreshToken, {
    httpOnly: true,
    sameSite: 'strict',
    secure: options.secure,
    path: COOKIE_PATH,
    maxAge: options.maxAgeSeconds,
  });
}

export function clearRefreshCookie(reply: FastifyReply): void {
  void reply.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
}

export function refreshCookieOf(request: FastifyRequest): string | undefined {
  return request.cookies[REFRESH_COOKIE];
}
