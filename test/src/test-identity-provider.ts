import { createHash, generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';

/** The client id the API is registered under at the test provider. */
export const TEST_OIDC_CLIENT_ID = 'coachflow-test';

/** A code handed out for an authorization request: what the token endpoint checks and signs. */
interface Grant {
  challenge: string;
  nonce: string;
  claims: Record<string, unknown>;
}

/**
 * A minimal OpenID Connect provider on plain HTTP: discovery, keys, a token endpoint that checks the PKCE
 * verifier and signs ID tokens (RS256), and an authorization endpoint a browser goes through. A test
 * either hands out codes itself (`grant`, for the API's requests it read) or, for a browser, says who the
 * authorization endpoint signs in (`signInAs`); the endpoint then redirects straight back with a code.
 */
export class TestIdentityProvider {
  private readonly grants = new Map<string, Grant>();
  private readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private readonly kid = randomUUID();
  private server: Server | undefined;
  issuer = '';
  /** The ID-token claims the authorization endpoint signs in with; while unset it refuses (403). */
  signInAs: Record<string, unknown> | undefined;

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', this.issuer);
      const json = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (url.pathname === '/.well-known/openid-configuration') return json(200, this.discovery());
      if (url.pathname === '/jwks') {
        return json(200, {
          keys: [
            { ...this.keys.publicKey.export({ format: 'jwk' }), kid: this.kid, alg: 'RS256', use: 'sig' },
          ],
        });
      }
      if (url.pathname === '/authorize' && request.method === 'GET') {
        const params = url.searchParams;
        if (!this.signInAs || params.get('client_id') !== TEST_OIDC_CLIENT_ID)
          return json(403, { error: 'access_denied' });
        const back = new URL(params.get('redirect_uri') ?? '');
        back.search = new URLSearchParams({
          code: this.grant(params, this.signInAs),
          state: params.get('state') ?? '',
        }).toString();
        response.writeHead(302, { location: back.href });
        response.end();
        return;
      }
      if (url.pathname === '/token' && request.method === 'POST') {
        let text = '';
        request.on('data', (chunk: Buffer) => (text += chunk.toString()));
        request.on('end', () => {
          const answer = this.exchange(new URLSearchParams(text));
          return answer ? json(200, answer) : json(400, { error: 'invalid_grant' });
        });
        return;
      }
      json(404, { error: 'not_found' });
    });
    const server = this.server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The API's environment for single sign-on with this provider, coming back to `redirectUri`. */
  apiEnv(redirectUri: string): Record<string, string> {
    return {
      OIDC_ISSUER: this.issuer,
      OIDC_CLIENT_ID: TEST_OIDC_CLIENT_ID,
      OIDC_CLIENT_SECRET: 'test-secret',
      OIDC_REDIRECT_URI: redirectUri,
      OIDC_ALLOW_INSECURE: 'true',
    };
  }

  /** A code for the authorization request `params` (its PKCE challenge and nonce), signing `claims` in. */
  grant(params: URLSearchParams, claims: Record<string, unknown>): string {
    const code = randomUUID();
    this.grants.set(code, {
      challenge: params.get('code_challenge') ?? '',
      nonce: params.get('nonce') ?? '',
      claims,
    });
    return code;
  }

  private discovery() {
    return {
      issuer: this.issuer,
      authorization_endpoint: `${this.issuer}/authorize`,
      token_endpoint: `${this.issuer}/token`,
      jwks_uri: `${this.issuer}/jwks`,
      response_types_supported: ['code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      code_challenge_methods_supported: ['S256'],
    };
  }

  /** The token endpoint: a code once, with the verifier of its challenge, for a signed ID token. */
  private exchange(form: URLSearchParams): Record<string, unknown> | undefined {
    const code = form.get('code') ?? '';
    const grant = this.grants.get(code);
    const verifier = form.get('code_verifier') ?? '';
    if (!grant || createHash('sha256').update(verifier).digest('base64url') !== grant.challenge)
      return undefined;
    this.grants.delete(code);
    const idToken = jwt.sign({ nonce: grant.nonce, ...grant.claims }, this.keys.privateKey, {
      algorithm: 'RS256',
      keyid: this.kid,
      issuer: this.issuer,
      audience: TEST_OIDC_CLIENT_ID,
      subject: randomUUID(),
      expiresIn: 300,
    });
    return { access_token: randomUUID(), token_type: 'Bearer', expires_in: 300, id_token: idToken };
  }
}
