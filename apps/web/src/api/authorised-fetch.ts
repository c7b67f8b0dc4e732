import { refreshSession, sessionStore } from './session';

function withBearer(request: Request, token: string | undefined): Request {
  const authorised = new Request(request);
  if (token) authorised.headers.set('authorization', `Bearer ${token}`);
  return authorised;
}

/**
 * fetch with the session's access token. A 401 renews the token with the refresh cookie and retries once;
 * a second 401 (or no renewal) ends the session, which sends the person to sign in again.
 */
export async function authorisedFetch(request: Request): Promise<Response> {
  const retry = request.clone();
  const response = await fetch(withBearer(request, sessionStore.get()?.token));
  if (response.status !== 401) return response;
  const renewed = await refreshSession();
  if (!renewed) {
    sessionStore.expire();
    return response;
  }
  const second = await fetch(withBearer(retry, renewed.token));
  if (second.status === 401) sessionStore.expire();
  return second;
}
