import type { LoginResponse, UserView } from '@coachflow/contracts';
import {
  ApiClient,
  appProcessEnv,
  createOrganisationFixture,
  type OrganisationFixture,
  type RunningApi,
  startApiProcess,
} from '@coachflow/testing';
import { TEST_OIDC_CLIENT_ID, TestIdentityProvider } from './test-identity-provider';

const REDIRECT_URI = 'http://app.test/api/auth/oidc/callback';

describe('single sign-on with OpenID Connect (a local test provider)', () => {
  // The "browser" is the test: it reads the API's authorization requests and hands out codes itself.
  const idp = new TestIdentityProvider();
  let server: RunningApi;
  let org: OrganisationFixture;

  beforeAll(async () => {
    await idp.start();
    server = await startApiProcess(appProcessEnv({ LOG_LEVEL: 'warn', ...idp.apiEnv(REDIRECT_URI) }));
    org = await createOrganisationFixture(server.baseUrl);
  });

  afterAll(async () => {
    await server?.process.stop();
    await idp.stop();
  });

  /** Starts a sign-in as a browser would; returns the authorization request and the attempt cookie. */
  async function begin(returnTo?: string): Promise<{ params: URLSearchParams; cookie: string }> {
    const query = returnTo === undefined ? '' : `?${new URLSearchParams({ return: returnTo })}`;
    const response = await fetch(new URL(`/api/auth/oidc/login${query}`, server.baseUrl), {
      redirect: 'manual',
    });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe(`${idp.issuer}/authorize`);
    const cookie = response.headers.getSetCookie().find((header) => header.startsWith('coachflow_oidc='));
    expect(cookie).toMatch(/HttpOnly/i);
    return { params: location.searchParams, cookie: (cookie ?? '').split(';')[0] ?? '' };
  }

  /** The provider signs `claims` in and redirects back; returns the API's answer to that redirect. */
  async function complete(
    request: { params: URLSearchParams; cookie: string },
    claims: Record<string, unknown>,
    overrides: { state?: string; cookie?: string } = {},
  ): Promise<Response> {
    const code = idp.grant(request.params, claims);
    const query = new URLSearchParams({ code, state: overrides.state ?? request.params.get('state') ?? '' });
    return fetch(new URL(`/api/auth/oidc/callback?${query}`, server.baseUrl), {
      redirect: 'manual',
      headers: { cookie: overrides.cookie ?? request.cookie },
    });
  }

  it('tells the sign-in page that single sign-on is there and where it starts', async () => {
    const response = await fetch(new URL('/api/auth/oidc', server.baseUrl));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ enabled: true, loginUrl: '/api/auth/oidc/login' });
  });

  it('asks for a PKCE (S256) code with state and nonce, and signs the user with that verified email in', async () => {
    const request = await begin();
    expect(request.params.get('code_challenge_method')).toBe('S256');
    expect(request.params.get('client_id')).toBe(TEST_OIDC_CLIENT_ID);
    expect(request.params.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(request.params.get('scope')).toContain('openid');

    const answer = await complete(request, {
      email: org.manager.user.email.toUpperCase(),
      email_verified: true,
    });
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe('/');
    const refresh = answer.headers.getSetCookie().find((header) => header.startsWith('coachflow_refresh='));
    expect(refresh).toMatch(/HttpOnly/i);

    const api = new ApiClient(server.baseUrl);
    const session = await api.request<LoginResponse>('POST', '/api/auth/refresh', undefined, {
      cookie: (refresh ?? '').split(';')[0] ?? '',
    });
    expect(session.status).toBe(200);
    const me = await api.withToken(session.body.token).get<UserView>('/api/me');
    expect(me.body.id).toBe(org.manager.user.id);
  });

  it('comes back to the page the sign-in started for, and to / for anything but a path of this origin', async () => {
    const signIn = async (returnTo: string) =>
      (
        await complete(await begin(returnTo), { email: org.rep.user.email, email_verified: true })
      ).headers.get('location');
    expect(await signIn('/cycles/c1?tab=timeline')).toBe('/cycles/c1?tab=timeline');
    for (const elsewhere of ['https://evil.test/', '//evil.test/', '/\\evil.test', 'cycles'])
      expect(await signIn(elsewhere)).toBe('/');
  });

  it('refuses an unverified or unknown email, a forged state, a missing or stolen attempt', async () => {
    const unverified = await complete(await begin(), { email: org.rep.user.email, email_verified: false });
    expect(unverified.status).toBe(401);
    const unknown = await complete(await begin(), { email: 'stranger@idp.test', email_verified: true });
    expect(unknown.status).toBe(401);
    const forged = await complete(
      await begin(),
      { email: org.rep.user.email, email_verified: true },
      { state: 'forged' },
    );
    expect(forged.status).toBe(401);
    const noCookie = await complete(
      await begin(),
      { email: org.rep.user.email, email_verified: true },
      { cookie: '' },
    );
    expect(noCookie.status).toBe(401);
    // Another browser's attempt cookie cannot finish this sign-in: its PKCE verifier does not match the code.
    const other = await begin();
    const stolen = await complete(
      await begin(),
      { email: org.rep.user.email, email_verified: true },
      {
        cookie: other.cookie,
      },
    );
    expect(stolen.status).toBe(401);
    for (const response of [unverified, unknown, forged, noCookie, stolen]) {
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(
        response.headers
          .getSetCookie()
          .some(
            (header) => header.startsWith('coachflow_refresh=') && !header.startsWith('coachflow_refresh=;'),
          ),
      ).toBe(false);
    }
  });
});
