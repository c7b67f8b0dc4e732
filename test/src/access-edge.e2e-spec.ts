import type { LoginResponse, ProblemDetails } from '@coachflow/contracts';
import {
  ApiClient,
  appProcessEnv,
  createOrganisationFixture,
  FIXTURE_PASSWORD,
  type OrganisationFixture,
  type RunningApi,
  setCookieOf,
  startApiProcess,
} from '@coachflow/testing';
import { createUser } from './access-fixtures';

const LOGIN_LIMIT = 4;

/** The refresh cookie `headers` set: its pair and its attributes, lower-cased. */
function refreshCookie(headers: Headers): { pair: string; attributes: string[] } {
  const { pair, attributes } = setCookieOf(headers, 'coachflow_refresh');
  return { pair, attributes: attributes.map((attribute) => attribute.toLowerCase()) };
}

/** The attributes that say where and how the cookie lives (not its lifetime, which logout ends). */
function scope(attributes: string[]): string[] {
  return attributes.filter((attribute) => !/^(max-age|expires)=/.test(attribute)).sort();
}

/**
 * The HTTP edge of API processes in production mode, two of them on one database as a deployment runs
 * them: the shared login limit, which client address counts (TRUST_PROXY), JSON-only writes, the origin
 * check on cookie calls, and the refresh cookie's attributes.
 */
describe('the HTTP edge in production', () => {
  let first: RunningApi;
  let second: RunningApi;
  let behindProxy: RunningApi;
  let org: OrganisationFixture;

  beforeAll(async () => {
    const env = appProcessEnv({
      NODE_ENV: 'production',
      ALLOW_SIGNUP: 'true',
      LOG_LEVEL: 'warn',
      LOGIN_ATTEMPTS_PER_MINUTE: String(LOGIN_LIMIT),
      IMPORT_TIME_LIMIT_SECONDS: '1',
    });
    [first, second, behindProxy] = await Promise.all([
      startApiProcess(env),
      startApiProcess(env),
      startApiProcess({ ...env, TRUST_PROXY: '1' }),
    ]);
    org = await createOrganisationFixture(first.baseUrl);
  });

  afterAll(async () => {
    await Promise.all([first, second, behindProxy].map((api) => api?.process.stop()));
  });

  const attempt = (api: RunningApi, email: string, headers: Record<string, string> = {}) =>
    new ApiClient(api.baseUrl)
      .request('POST', '/api/auth/login', { email, password: 'wrong-password' }, headers)
      .then((response) => response.status);

  describe('login rate limit', () => {
    it('counts one email’s attempts across every API process', async () => {
      const { email } = await createUser(org.admin.api, 'rep', org.manager.user.id, 'shared-limit');
      const statuses: number[] = [];
      for (let index = 0; index <= LOGIN_LIMIT; index++)
        statuses.push(await attempt(index % 2 === 0 ? first : second, email));
      expect(statuses).toEqual([...Array<number>(LOGIN_LIMIT).fill(401), 429]);
    });

    it('ignores a client-chosen X-Forwarded-For unless TRUST_PROXY names the proxy', async () => {
      const { email } = await createUser(org.admin.api, 'rep', org.manager.user.id, 'spoofer');
      const statuses: number[] = [];
      for (let index = 0; index <= LOGIN_LIMIT; index++)
        statuses.push(await attempt(first, email, { 'x-forwarded-for': `203.0.113.${index + 1}` }));
      expect(statuses).toEqual([...Array<number>(LOGIN_LIMIT).fill(401), 429]);
    });

    it('behind one trusted hop, counts the address the proxy saw, not what the client wrote before it', async () => {
      const { email } = await createUser(org.admin.api, 'rep', org.manager.user.id, 'proxied');
      const statuses: number[] = [];
      for (let index = 0; index <= LOGIN_LIMIT; index++)
        statuses.push(
          await attempt(behindProxy, email, { 'x-forwarded-for': `10.9.9.${index + 1}, 198.51.100.7` }),
        );
      expect(statuses).toEqual([...Array<number>(LOGIN_LIMIT).fill(401), 429]);
      // Another client behind the same proxy has attempts of its own.
      expect(await attempt(behindProxy, email, { 'x-forwarded-for': '198.51.100.8' })).toBe(401);
    });
  });

  describe('refresh cookie', () => {
    it('is Secure, httpOnly and SameSite=Strict on login, refresh and logout alike (its marker Secure and SameSite=Strict); the body has no token', async () => {
      const api = new ApiClient(first.baseUrl);
      const login = await api.post<LoginResponse>('/api/auth/login', {
        email: org.leader.user.email,
        password: FIXTURE_PASSWORD,
      });
      expect(login.status).toBe(200);
      expect(login.body.refreshToken).toBeUndefined();
      const set = refreshCookie(login.headers);
      expect(scope(set.attributes)).toEqual(['httponly', 'path=/api/auth', 'samesite=strict', 'secure']);
      // The session marker beside it: readable by the page, Secure and SameSite=Strict all the same.
      const marker = setCookieOf(login.headers, 'coachflow_has_session');
      expect(scope(marker.attributes.map((attribute) => attribute.toLowerCase()))).toEqual([
        'path=/',
        'samesite=strict',
        'secure',
      ]);

      const refreshed = await api.request<LoginResponse>('POST', '/api/auth/refresh', undefined, {
        cookie: set.pair,
      });
      expect(refreshed.status).toBe(200);
      expect(refreshed.body.refreshToken).toBeUndefined();
      const rotated = refreshCookie(refreshed.headers);
      expect(scope(rotated.attributes)).toEqual(scope(set.attributes));

      const logout = await api.request('POST', '/api/auth/logout', undefined, { cookie: rotated.pair });
      expect(logout.status).toBe(204);
      const cleared = refreshCookie(logout.headers);
      expect(cleared.pair).toBe('coachflow_refresh=');
      expect(scope(cleared.attributes)).toEqual(scope(set.attributes));
      expect(
        (await api.request('POST', '/api/auth/refresh', undefined, { cookie: rotated.pair })).status,
      ).toBe(401);
    });

    it('is in the body only for a script that asks for it', async () => {
      const api = new ApiClient(first.baseUrl);
      const login = await api.post<LoginResponse>('/api/auth/login', {
        email: org.otherManager.user.email,
        password: FIXTURE_PASSWORD,
        includeRefreshToken: true,
      });
      expect(login.status).toBe(200);
      expect(login.body.refreshToken).toEqual(expect.any(String));
      const refreshed = await api.post<LoginResponse>('/api/auth/refresh', {
        refreshToken: login.body.refreshToken,
      });
      expect(refreshed.status).toBe(200);
      expect(refreshed.body.refreshToken).toEqual(expect.any(String));
    });
  });

  describe('org-chart import', () => {
    it('refuses a file whose passwords take longer than IMPORT_TIME_LIMIT_SECONDS to hash, writing nothing', async () => {
      // Enough rows to outlast the 1 s limit on an idle machine too (200 hash in about 1 s there); the
      // import stops hashing once late, so the answer still comes at once.
      const emails = Array.from({ length: 2000 }, (_, index) => `slow-${index}@import.test`);
      const csv = [
        'email,name,role,manager_email,password',
        ...emails.map((email, index) => `${email},Slow ${index},rep,,password-${index}-long`),
      ].join('\n');
      const started = Date.now();
      const imported = await org.admin.api.post<ProblemDetails>('/api/users/import', { csv });
      expect(imported.status).toBe(400);
      expect(imported.body.errors).toEqual([
        { path: '/csv/0/password', message: expect.stringContaining('longer than 1 s to hash') },
      ]);
      expect(Date.now() - started).toBeLessThan(5_000);
      const users = await org.admin.api.get<{ items: { email: string }[] }>('/api/users?limit=200');
      expect(users.body.items.filter((user) => user.email.startsWith('slow-'))).toEqual([]);
    });
  });

  describe('cross-site requests', () => {
    it('answers 415 to a form or text body on /api writes, and sets no cookie', async () => {
      const form = new URLSearchParams({ email: org.rep.user.email, password: FIXTURE_PASSWORD });
      for (const [contentType, body] of [
        ['application/x-www-form-urlencoded', form.toString()],
        ['text/plain', JSON.stringify({ email: org.rep.user.email, password: FIXTURE_PASSWORD })],
        [
          'multipart/form-data; boundary=x',
          `--x\r\nContent-Disposition: form-data; name="email"\r\n\r\na\r\n--x--`,
        ],
      ] as const) {
        const response = await fetch(new URL('/api/auth/login', first.baseUrl), {
          method: 'POST',
          headers: { 'content-type': contentType },
          body,
        });
        expect([contentType, response.status]).toEqual([contentType, 415]);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        expect(response.headers.getSetCookie()).toEqual([]);
      }
      const created = await fetch(new URL('/api/users', first.baseUrl), {
        method: 'POST',
        headers: {
          authorization: `Bearer ${org.admin.api.token}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({
          email: 'form@x.test',
          name: 'Form',
          password: 'password-1',
          role: 'rep',
        }),
      });
      expect(created.status).toBe(415);
    });

    it('refuses sign-in and cookie refreshes from pages of another origin', async () => {
      const api = new ApiClient(first.baseUrl);
      const credentials = { email: org.otherRep.user.email, password: FIXTURE_PASSWORD };
      const foreign = await api.request<ProblemDetails>('POST', '/api/auth/login', credentials, {
        origin: 'https://evil.test',
      });
      expect(foreign.status).toBe(403);
      expect(foreign.headers.getSetCookie()).toEqual([]);

      const own = await api.request('POST', '/api/auth/login', credentials, { origin: first.baseUrl });
      expect(own.status).toBe(200);
      const cookie = refreshCookie(own.headers).pair;
      const stolen = await api.request('POST', '/api/auth/refresh', undefined, {
        cookie,
        origin: 'https://evil.test',
      });
      expect(stolen.status).toBe(403);
      expect(stolen.headers.getSetCookie()).toEqual([]);
      // The refused call spent nothing: the page of this server still refreshes with the same cookie.
      expect(
        (await api.request('POST', '/api/auth/refresh', undefined, { cookie, origin: first.baseUrl })).status,
      ).toBe(200);
    });
  });
});
