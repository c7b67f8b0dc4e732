import { inAppPath } from '@coachflow/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type * as OpenIdClientModule from 'openid-client' with { 'resolution-mode': 'import' };
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig, type OidcSettings } from '#api/config/app-config';
import { AuditService } from '#api/modules/audit/audit.service';
import { PeopleErrorCode, PeopleException } from '#api/modules/people/people.exception';
import { PeopleService } from '#api/modules/people/people.service';
import { auditLoginFailures } from './audit-login-failures';
import { type IssuedSession, SessionService } from './session.service';

// openid-client is an ES module; the API is CommonJS, so it is loaded with import() (types only here).
type OpenIdClient = typeof OpenIdClientModule;
type ClientConfiguration = Awaited<ReturnType<OpenIdClient['discovery']>>;

/** What the browser carries between leaving for the provider and coming back (signed, in a cookie). */
interface LoginAttempt {
  verifier: string;
  state: string;
  nonce: string;
  /** The organisation to sign in to, for an address that belongs to users of several. */
  organisationId?: string;
  /** The web app's page to land on once signed in (an in-app path). */
  returnTo?: string;
}

const ATTEMPT_SECONDS = 600;

function failed(detail = 'Single sign-on did not succeed; sign in again.'): PeopleException {
  return new PeopleException(PeopleErrorCode.InvalidCredentials, detail);
}

/**
 * Single sign-on with an OpenID Connect provider (authorization code flow with PKCE, state and nonce):
 * the provider's verified email is matched to an active user, who then gets an ordinary session.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger(OidcService.name);
  private readonly attempts: JwtService;
  private client: Promise<{ lib: OpenIdClient; config: ClientConfiguration }> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly app: AppConfig,
    private readonly people: PeopleService,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {
    this.attempts = new JwtService({
      secret: app.jwtSecret,
      signOptions: { algorithm: 'HS256', expiresIn: ATTEMPT_SECONDS, audience: 'coachflow-oidc' },
      verifyOptions: { algorithms: ['HS256'], audience: 'coachflow-oidc' },
    });
  }

  /** The provider's authorization URL to send the browser to, and the attempt to keep in a cookie. */
  async start(options: {
    organisationId?: string;
    returnTo?: string;
  }): Promise<{ url: string; attempt: string }> {
    const { organisationId, returnTo } = options;
    const settings = this.settings();
    const { lib, config } = await this.connect(settings);
    const attempt: LoginAttempt = {
      verifier: lib.randomPKCECodeVerifier(),
      state: lib.randomState(),
      nonce: lib.randomNonce(),
      ...(organisationId ? { organisationId } : {}),
      ...(returnTo ? { returnTo } : {}),
    };
    const url = lib.buildAuthorizationUrl(config, {
      redirect_uri: settings.redirectUri,
      scope: 'openid email',
      code_challenge: await lib.calculatePKCECodeChallenge(attempt.verifier),
      code_challenge_method: 'S256',
      state: attempt.state,
      nonce: attempt.nonce,
    });
    return { url: url.href, attempt: await this.attempts.signAsync({ ...attempt }) };
  }

  /**
   * Completes the flow from the provider's redirect (`search`: its query string) into a session, and the
   * page the attempt was started for.
   */
  async finish(
    search: string,
    attemptCookie: string | undefined,
  ): Promise<{ session: IssuedSession; returnTo: string }> {
    const settings = this.settings();
    const { lib, config } = await this.connect(settings);
    const attempt = attemptCookie
      ? await this.attempts.verifyAsync<LoginAttempt>(attemptCookie).catch(() => null)
      : null;
    if (!attempt) throw failed('The sign-in attempt expired or came from another browser; start again.');
    const callback = new URL(settings.redirectUri);
    callback.search = search;
    let claims: Record<string, unknown> | undefined;
    try {
      const tokens = await lib.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: attempt.verifier,
        expectedState: attempt.state,
        expectedNonce: attempt.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (error) {
      // The provider's answer, not ours to show: logged by class only (it may quote tokens).
      this.logger.warn(`OIDC code exchange refused: ${error instanceof Error ? error.name : 'error'}`);
      throw failed();
    }
    const email = claims?.['email'];
    if (typeof email !== 'string' || claims?.['email_verified'] !== true) {
      throw failed('Your provider did not vouch for your email address.');
    }
    const candidates = await this.people.findLoginCandidates(email, attempt.organisationId);
    const active = candidates.filter((candidate) => candidate.active);
    const [user] = active;
    if (!user) {
      await auditLoginFailures(this.audit, candidates, () => ({ reason: 'deactivated', method: 'oidc' }));
      throw failed('No active Coachflow user has this email.');
    }
    if (active.length > 1) {
      throw failed(
        'Your email belongs to users of several organisations: start single sign-on from your organisation’s link (/api/auth/oidc/login?organisation=<its id>).',
      );
    }
    return { session: await this.sessions.open(user), returnTo: inAppPath(attempt.returnTo) ?? '/' };
  }

  private settings(): OidcSettings {
    if (!this.app.oidc)
      throw new PeopleException(
        PeopleErrorCode.SsoNotConfigured,
        'Single sign-on is not set up on this server.',
      );
    return this.app.oidc;
  }

  private connect(settings: OidcSettings): Promise<{ lib: OpenIdClient; config: ClientConfiguration }> {
    this.client ??= (async () => {
      const lib = await import('openid-client');
      const config = await lib.discovery(
        new URL(settings.issuer),
        settings.clientId,
        settings.clientSecret,
        undefined,
        settings.allowInsecure ? { execute: [lib.allowInsecureRequests] } : undefined,
      );
      return { lib, config };
    })();
    // A provider that was down at the first sign-in is asked again at the next one.
    this.client.catch(() => (this.client = undefined));
    return this.client;
  }
}
