import { createHash, generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LoginResponse, UserView } from '@coachflow/contracts';
import {
  ApiClient,
  appProcessEnv,
  createOrganisationFixture,
  type OrganisationFixture,
  type RunningApi,
  startApiProcess,
} from '@coachflow/testing';
import jwt from 'jsonwebtoken';

const CLIENT_ID = 'coachflow-test';
const REDIRECT_URI = 'http://app.test/api/auth/oidc/callback';

interface Grant {
  challenge: string;
  nonce: string;
  claims: Record<string, unknown>;
}

/**
 * A minimal OpenID Connect provider on plain HTTP: discovery, keys and a token endpoint that checks the
 * PKCE verifier and signs ID tokens (RS256). The "browser" is the test, which logs users in by handing out
 * codes for the authorization requests the API built.
 */
class FakeIdentityProvider {
  readonly grants = new Map<string, Grant>();
  private readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private readonly kid = randomUUID();
  private server!: Server;
  issuer = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', this.issuer);
      const json = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (url.pathname === '/.well-known/openid-configuration') {
        return json(200, {
          issuer: this.issuer,
          authorization_endpoint: `${this.issuer}/authorize`,
          token_endpoint: `${this.issuer}/token`,
          jwks_uri: `${this.issuer}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          code_challenge_methods_supported: ['S256'],
        });
      }
      if (url.pathname === '/jwks') {
        return json(200, {
          keys: [
            { ...this.keys.publicKey.export({ format: 'jwk' }), kid: this.kid, alg: 'RS256', use: 'sig' },
          ],
        });
      }
      if (url.pathname === '/token' && request.method === 'POST') {
        let text = '';
        request.on('data', (chunk: Buffer) => (text += chunk.toString()));
        request.on('end', () => {
          const form = new URLSearchParams(text);
          const grant = this.grants.get(form.get('code') ?? '');
          const verifier = form.get('code_verifier') ?? '';
          if (!grant || createHash('sha256').update(verifier).digest('base64url') !== grant.challenge) {
            return json(400, { error: 'invalid_grant' });
          }
          this.grants.delete(form.get('code') ?? '');
          const idToken = jwt.sign({ nonce: grant.nonce, ...grant.claims }, this.keys.privateKey, {
            algorithm: 'RS256',
            keyid: this.kid,
            issuer: this.issuer,
            audience: CLIENT_ID,
            subject: randomUUID(),
            expiresIn: 300,
          });
          return json(200, {
            access_token: randomUUID(),
            token_type: 'Bearer',
            expires_in: 300,
            id_token: idToken,
          });
        });
        return;
      }
      json(404, { error: 'not_found' });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.issuer = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('single sign-on with OpenID Connect (a local test provider)', () => {
  const idp = new FakeIdentityProvider();
  let server: RunningApi;
  let org: OrganisationFixture;

  beforeAll(async () => {
    await idp.start();
    server = await startApiProcess(
      appProcessEnv({
        LOG_LEVEL: 'warn',
        OIDC_ISSUER: idp.issuer,
        OIDC_CLIENT_ID: CLIENT_ID,
        OIDC_CLIENT_SECRET: 'test-secret',
        OIDC_REDIRECT_URI: REDIRECT_URI,
        OIDC_ALLOW_INSECURE: 'true',
      }),
    );
    org = await createOrganisationFixture(server.baseUrl);
  });

  afterAll(async () => {
    await server?.process.stop();
    await idp.stop();
  });

  /** Starts a sign-in as a browser would; returns the authorization request and the attempt cookie. */
  async function begin(): Promise<{ params: URLSearchParams; cookie: string }> {
    const response = await fetch(new URL('/api/auth/oidc/login', server.baseUrl), { redirect: 'manual' });
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
    const code = randomUUID();
    idp.grants.set(code, {
      challenge: request.params.get('code_challenge') ?? '',
      nonce: request.params.get('nonce') ?? '',
      claims,
    });
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
    expect(request.params.get('client_id')).toBe(CLIENT_ID);
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
