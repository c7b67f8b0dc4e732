import { randomUUID } from 'node:crypto';
import {
  type AuditEventView,
  type LoginResponse,
  type Page,
  type ProblemDetails,
  SESSION_MARKER_COOKIE,
  type UserView,
} from '@coachflow/contracts';
import {
  ApiClient,
  type AppStack,
  createOrganisationFixture,
  eventually,
  FIXTURE_PASSWORD,
  type OrganisationFixture,
  setCookieOf,
  startAppStack,
} from '@coachflow/testing';
import jwt from 'jsonwebtoken';
import { Pool } from 'pg';
import { createUser, expectStatus } from './access-fixtures';

const SECRET = `${randomUUID()}${randomUUID()}`;
const LOGIN_LIMIT = 5;

/** A cookie an answer sets: `name=value` for a Cookie header, and its attributes in one string. */
function setCookie(headers: Headers, name: string): { pair: string; attributes: string } {
  const { pair, attributes } = setCookieOf(headers, name);
  return { pair, attributes: attributes.join('; ') };
}

/** The refresh cookie of a login or refresh answer. */
const refreshCookie = (headers: Headers) => setCookie(headers, 'coachflow_refresh');
/** The readable marker the web app checks before it tries a silent refresh. */
const sessionMarker = (headers: Headers) => setCookie(headers, SESSION_MARKER_COOKIE);
const isCleared = (cookie: { pair: string; attributes: string }) =>
  cookie.pair.endsWith('=') && /Max-Age=0/i.test(cookie.attributes);

describe('sessions, tokens and HTTP hardening', () => {
  let server: AppStack;
  let api: ApiClient;
  let org: OrganisationFixture;

  beforeAll(async () => {
    server = await startAppStack({
      LOG_LEVEL: 'warn',
      JWT_SECRET: SECRET,
      LOGIN_ATTEMPTS_PER_MINUTE: String(LOGIN_LIMIT),
    });
    // The worker keeps the read models a deactivation reads (the tasks handed over to the manager).
    await eventually(async () => expect(server.workerLog.text()).toMatch(/projections running/), 60_000);
    api = new ApiClient(server.baseUrl);
    org = await createOrganisationFixture(server.baseUrl);
  });

  afterAll(async () => {
    await server?.stop();
  });

  const login = async (email: string, password = FIXTURE_PASSWORD) =>
    expectStatus(
      await api.post<LoginResponse>('/api/auth/login', { email, password, includeRefreshToken: true }),
      200,
      `login ${email}`,
    );

  describe('access tokens', () => {
    it('refuses forged, unsigned, expired, session-less and tampered tokens with 401', async () => {
      const { token } = await login(org.rep.user.email);
      const claims = jwt.decode(token) as { sub: string; org: string; role: string; sid: string };
      const base = { sub: claims.sub, org: claims.org, role: 'admin', sid: claims.sid };
      const [header = '', , signature = ''] = token.split('.');
      const tampered = `${header}.${Buffer.from(JSON.stringify({ ...base, exp: 4102444800, iss: 'coachflow' })).toString('base64url')}.${signature}`;
      const tokens = {
        forged: jwt.sign(base, 'x'.repeat(64), { issuer: 'coachflow' }),
        unsigned: jwt.sign(base, '', { algorithm: 'none', issuer: 'coachflow' }),
        expired: jwt.sign({ ...base, exp: Math.floor(Date.now() / 1000) - 60 }, SECRET, {
          issuer: 'coachflow',
        }),
        otherIssuer: jwt.sign(base, SECRET, { issuer: 'someone-else' }),
        noSession: jwt.sign({ sub: claims.sub, org: claims.org, role: 'rep' }, SECRET, {
          issuer: 'coachflow',
        }),
        unknownSession: jwt.sign({ ...base, sid: randomUUID() }, SECRET, { issuer: 'coachflow' }),
        tampered,
      };
      for (const [name, candidate] of Object.entries(tokens)) {
        const response = await api.withToken(candidate).get<ProblemDetails>('/api/me');
        expect([name, response.status]).toEqual([name, 401]);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
      }
      // The genuine token still works, and says the truth about the role it was issued for.
      const me = await api.withToken(token).get<UserView>('/api/me');
      expect(me.body.role).toBe('rep');
    });

    it('lives 15 minutes by default', async () => {
      const { token } = await login(org.otherRep.user.email);
      const { iat, exp } = jwt.decode(token) as { iat: number; exp: number };
      expect(exp - iat).toBe(900);
    });
  });

  describe('refresh and logout', () => {
    it('sets an httpOnly, SameSite=Strict refresh cookie for /api/auth only, and refreshes from it once', async () => {
      const response = await api.post<LoginResponse>('/api/auth/login', {
        email: org.manager.user.email,
        password: FIXTURE_PASSWORD,
      });
      const cookie = refreshCookie(response.headers);
      expect(cookie.attributes).toMatch(/HttpOnly/i);
      expect(cookie.attributes).toMatch(/SameSite=Strict/i);
      expect(cookie.attributes).toMatch(/Path=\/api\/auth/i);

      const refreshed = await api.request<LoginResponse>('POST', '/api/auth/refresh', undefined, {
        cookie: cookie.pair,
      });
      expect(refreshed.status).toBe(200);
      expect(refreshed.body.user.id).toBe(org.manager.user.id);
      expect((await api.withToken(refreshed.body.token).get('/api/me')).status).toBe(200);
      // A browser's refresh answers with the cookie only: no script on the page sees the token.
      expect(response.body.refreshToken).toBeUndefined();
      expect(refreshed.body.refreshToken).toBeUndefined();
      const next = refreshCookie(refreshed.headers);
      expect((await api.request('POST', '/api/auth/refresh', undefined, { cookie: next.pair })).status).toBe(
        200,
      );
    });

    it('sets a readable session marker with the refresh cookie, and clears both on logout and on a refresh that fails', async () => {
      const response = await api.post<LoginResponse>('/api/auth/login', {
        email: org.otherManager.user.email,
        password: FIXTURE_PASSWORD,
      });
      const refresh = refreshCookie(response.headers);
      const marker = sessionMarker(response.headers);
      // Readable by the page at any path, holding nothing secret, expiring with the refresh cookie.
      expect(marker.pair).toBe(`${SESSION_MARKER_COOKIE}=1`);
      expect(marker.attributes).not.toMatch(/HttpOnly/i);
      expect(marker.attributes).toMatch(/SameSite=Strict/i);
      expect(marker.attributes).toMatch(/Path=\/(;|$)/);
      expect(marker.attributes.match(/Max-Age=\d+/i)?.[0]).toBe(
        refresh.attributes.match(/Max-Age=\d+/i)?.[0],
      );

      const refreshed = await api.request<LoginResponse>('POST', '/api/auth/refresh', undefined, {
        cookie: refresh.pair,
      });
      expect(refreshed.status).toBe(200);
      expect(sessionMarker(refreshed.headers).pair).toBe(`${SESSION_MARKER_COOKIE}=1`);

      // The spent cookie again: refused, and the browser is told to forget both (the session is over).
      const spent = await api.request('POST', '/api/auth/refresh', undefined, { cookie: refresh.pair });
      expect(spent.status).toBe(401);
      expect(isCleared(refreshCookie(spent.headers))).toBe(true);
      expect(isCleared(sessionMarker(spent.headers))).toBe(true);
      // No cookie at all (a first visit that still asked): the same.
      const none = await api.request('POST', '/api/auth/refresh');
      expect(none.status).toBe(401);
      expect(isCleared(sessionMarker(none.headers))).toBe(true);

      const again = await api.post<LoginResponse>('/api/auth/login', {
        email: org.otherManager.user.email,
        password: FIXTURE_PASSWORD,
      });
      const logout = await api.request('POST', '/api/auth/logout', undefined, {
        cookie: refreshCookie(again.headers).pair,
      });
      expect(logout.status).toBe(204);
      expect(isCleared(refreshCookie(logout.headers))).toBe(true);
      const cleared = sessionMarker(logout.headers);
      expect(isCleared(cleared)).toBe(true);
      expect(cleared.attributes).toMatch(/Path=\/(;|$)/);
    });

    it('ends the whole session when a spent refresh token comes back (one of its holders is a thief)', async () => {
      const stolen = await login(org.manager.user.email);
      // The thief refreshes first and keeps going...
      const thief = expectStatus(
        await api.post<LoginResponse>('/api/auth/refresh', { refreshToken: stolen.refreshToken }),
        200,
        'thief refresh',
      );
      expect(thief.refreshToken).toEqual(expect.any(String));
      // ...then the victim presents the token they hold, which is spent: refused, and the session is over
      // for everyone holding any of its tokens.
      expect((await api.post('/api/auth/refresh', { refreshToken: stolen.refreshToken })).status).toBe(401);
      expect((await api.post('/api/auth/refresh', { refreshToken: thief.refreshToken })).status).toBe(401);
      expect((await api.withToken(thief.token).get('/api/me')).status).toBe(401);
      // Other sessions of the same user go on, and signing in again works.
      expect((await org.manager.api.get('/api/me')).status).toBe(200);
      await login(org.manager.user.email);
    });

    it('refreshes scripts from the body, and logout ends the access token and the refresh token', async () => {
      const session = await login(org.leader.user.email);
      const refreshed = expectStatus(
        await api.post<LoginResponse>('/api/auth/refresh', { refreshToken: session.refreshToken }),
        200,
        'refresh',
      );
      const client = api.withToken(refreshed.token);
      expect((await client.get('/api/me')).status).toBe(200);
      expect((await client.post('/api/auth/logout')).status).toBe(204);
      expect((await client.get('/api/me')).status).toBe(401);
      expect((await api.withToken(session.token).get('/api/me')).status).toBe(401);
      expect((await api.post('/api/auth/refresh', { refreshToken: refreshed.refreshToken })).status).toBe(
        401,
      );
      // Another session of the same user is untouched.
      expect((await org.leader.api.get('/api/me')).status).toBe(200);
    });

    it("refuses an ended session on a task's routes too, where the session check also reads the task", async () => {
      const client = api.withToken((await login(org.rep.user.email)).token);
      const task = `/api/tasks/${randomUUID()}`;
      expect((await client.get(task)).status).toBe(404);
      expect((await client.post(`${task}/complete`, { data: {} })).status).toBe(404);
      expect((await client.post('/api/auth/logout')).status).toBe(204);
      expect((await client.get(task)).status).toBe(401);
      expect((await client.post(`${task}/complete`, { data: {} })).status).toBe(401);
      expect((await client.get('/api/tasks/not-a-uuid')).status).toBe(401);
    });
  });

  describe('password change and deactivation', () => {
    it('changes a password only with the current one, and ends the other sessions', async () => {
      const user = await createUser(org.admin.api, 'rep', org.manager.user.id, 'changer');
      const first = await login(user.email);
      const second = await login(user.email);
      const mine = api.withToken(first.token);
      const wrong = await mine.request<ProblemDetails>('PATCH', `/api/users/${user.id}`, {
        password: 'a-new-password-1',
        currentPassword: 'not-it',
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors).toEqual([{ path: '/currentPassword', message: 'is wrong' }]);
      const missing = await mine.request('PATCH', `/api/users/${user.id}`, { password: 'a-new-password-1' });
      expect(missing.status).toBe(400);

      const changed = await mine.request('PATCH', `/api/users/${user.id}`, {
        password: 'a-new-password-1',
        currentPassword: FIXTURE_PASSWORD,
      });
      expect(changed.status).toBe(200);
      expect((await mine.get('/api/me')).status).toBe(200);
      expect((await api.withToken(second.token).get('/api/me')).status).toBe(401);
      expect((await api.post('/api/auth/refresh', { refreshToken: second.refreshToken })).status).toBe(401);
      expect(
        (await api.post('/api/auth/login', { email: user.email, password: FIXTURE_PASSWORD })).status,
      ).toBe(401);
      await login(user.email, 'a-new-password-1');
    });

    it('shuts a deactivated user out at once and audits the attempt', async () => {
      const user = await createUser(org.admin.api, 'rep', org.manager.user.id, 'leaver');
      const session = await login(user.email);
      const deactivated = await org.admin.api.request<UserView>('PATCH', `/api/users/${user.id}`, {
        active: false,
      });
      expect(deactivated.status).toBe(200);
      expect(deactivated.body.active).toBe(false);
      expect((await api.withToken(session.token).get('/api/me')).status).toBe(401);
      expect((await api.post('/api/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
      const attempt = await api.post<ProblemDetails>('/api/auth/login', {
        email: user.email,
        password: FIXTURE_PASSWORD,
      });
      expect(attempt.status).toBe(401);
      expect(attempt.body.detail).toBe('Wrong email or password.');

      const audit = await org.admin.api.get<Page<AuditEventView>>('/api/audit?limit=20');
      const about = audit.body.items.filter((event) => event.data['userId'] === user.id);
      expect(about.map((event) => event.type)).toEqual(['LoginFailed', 'UserDeactivated', 'UserCreated']);
      expect(about[0]).toMatchObject({ actorId: null, data: { reason: 'deactivated' } });
      expect(about[1]).toMatchObject({ actorId: org.admin.user.id });
    });

    it('ends the sessions in the deactivation’s own transaction: when ending them fails, nothing changes', async () => {
      const user = await createUser(org.admin.api, 'rep', org.manager.user.id, 'stayer');
      const session = await login(user.email);
      // A fault injected into the real database: ending this user's sessions fails, as a crash would.
      const db = new Pool({ connectionString: server.env['DATABASE_URL'] });
      const refuse = `refuse_revocation_${user.id.replace(/-/g, '')}`;
      try {
        await db.query(
          `CREATE FUNCTION ${refuse}() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN RAISE EXCEPTION 'revocation refused by the test'; END $$`,
        );
        await db.query(
          `CREATE TRIGGER ${refuse} BEFORE UPDATE OF revoked_at ON sessions FOR EACH ROW
             WHEN (NEW.user_id = '${user.id}' AND NEW.revoked_at IS NOT NULL) EXECUTE FUNCTION ${refuse}()`,
        );
        const failed = await org.admin.api.request('PATCH', `/api/users/${user.id}`, { active: false });
        expect(failed.status).toBe(500);
        // Nothing of the deactivation stayed: the user is active, their session works, no audit fact.
        expect((await org.admin.api.get<UserView>(`/api/users/${user.id}`)).body.active).toBe(true);
        expect((await api.withToken(session.token).get('/api/me')).status).toBe(200);
        const audit = await org.admin.api.get<Page<AuditEventView>>('/api/audit?limit=20');
        expect(
          audit.body.items.filter((event) => event.data['userId'] === user.id).map((e) => e.type),
        ).toEqual(['UserCreated']);
      } finally {
        await db.query(`DROP TRIGGER IF EXISTS ${refuse} ON sessions`);
        await db.query(`DROP FUNCTION IF EXISTS ${refuse}()`);
        await db.end();
      }
      // With the fault gone, the same request deactivates the user and ends the session together.
      expect((await org.admin.api.request('PATCH', `/api/users/${user.id}`, { active: false })).status).toBe(
        200,
      );
      expect((await api.withToken(session.token).get('/api/me')).status).toBe(401);
      expect((await api.post('/api/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
    });
  });

  describe('login rate limit', () => {
    it(`answers 429 after ${LOGIN_LIMIT} attempts a minute for one email, without locking out others`, async () => {
      // A user nobody signed in as yet: successful sign-ins count too.
      const { email } = await createUser(org.admin.api, 'rep', org.manager.user.id, 'guessed');
      const statuses: number[] = [];
      for (let attempt = 0; attempt <= LOGIN_LIMIT; attempt++) {
        statuses.push((await api.post('/api/auth/login', { email, password: 'wrong-password' })).status);
      }
      expect(statuses).toEqual([...Array<number>(LOGIN_LIMIT).fill(401), 429]);
      const limited = await api.post<ProblemDetails>('/api/auth/login', {
        email,
        password: FIXTURE_PASSWORD,
      });
      expect(limited.status).toBe(429);
      expect(limited.headers.get('content-type')).toContain('application/problem+json');
      expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
      // Another email from the same address still gets through.
      expect(
        (await api.post('/api/auth/login', { email: org.admin.user.email, password: FIXTURE_PASSWORD }))
          .status,
      ).toBe(200);
    });
  });

  describe('HTTP hardening', () => {
    it('sends security headers on the API, the docs and the web app', async () => {
      for (const path of ['/api/me', '/api/docs', '/', '/api/openapi.json']) {
        const response = await fetch(new URL(path, server.baseUrl));
        const csp = response.headers.get('content-security-policy') ?? '';
        expect([path, csp]).toEqual([path, expect.stringContaining("frame-ancestors 'none'")]);
        expect(csp).toContain("script-src 'self'");
        expect(csp).toContain("object-src 'none'");
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('x-frame-options')).toBe('DENY');
      }
    });

    it('keeps CORS closed: no allow-origin for another origin, on a preflight or a request', async () => {
      const preflight = await fetch(new URL('/api/me', server.baseUrl), {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.test', 'access-control-request-method': 'GET' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      const request = await org.rep.api.request('GET', '/api/me', undefined, { origin: 'https://evil.test' });
      expect(request.status).toBe(200);
      expect(request.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('answers 413 to a huge body and never shows stack traces or SQL', async () => {
      const huge = await org.admin.api.postOversize('/api/users/import', 2 * 1024 * 1024);
      expect(huge.status).toBe(413);
      const hostile = [
        await org.admin.api.get<ProblemDetails>(
          `/api/users?cursor=${Buffer.from("' OR 1=1 --").toString('base64url')}`,
        ),
        await org.admin.api.get<ProblemDetails>(`/api/users/${encodeURIComponent("1' OR '1'='1")}`),
        await api.request<ProblemDetails>('POST', '/api/auth/login', '{"email":', {
          'content-type': 'application/json',
        }),
      ];
      for (const response of hostile) {
        expect(response.status).toBe(400);
        const text = JSON.stringify(response.body);
        expect(text).not.toMatch(/SELECT|INSERT|syntax error|\bat .*\.js:\d+/i);
        expect(Object.keys(response.body).sort()).toEqual(
          expect.arrayContaining(['detail', 'status', 'title', 'type']),
        );
      }
    });
  });
});
