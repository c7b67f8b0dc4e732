import { randomBytes } from 'node:crypto';
import { webhookSecretKey } from '@coachflow/read-models';
import { type TemporalSettings, temporalSettingsFromEnv } from '@coachflow/workflows';

export interface AppConfig {
  port: number;
  production: boolean;
  databaseUrl: string;
  temporal: TemporalSettings;
  jwtSecret: string;
  /** How long an access token lives, in seconds. */
  tokenTtlSeconds: number;
  /** How long a sign-in session (its refresh token) lives, in seconds. */
  refreshTtlSeconds: number;
  /** Origins allowed to call the API from a browser; empty (the default) sends no CORS headers at all. */
  corsOrigins: string[];
  /** Seconds between heartbeat comments on a live-update stream (`GET /api/stream`). */
  streamHeartbeatSeconds: number;
  /** Sign-in attempts allowed per email and client address per minute; more answer 429. */
  loginAttemptsPerMinute: number;
  /**
   * Which proxies in front of the API to believe about the client's address (X-Forwarded-For): a number
   * of hops, or their addresses and CIDR ranges. False (the default) believes none: the client's address
   * is the connection's, so no client can choose the address its sign-in attempts are counted under.
   */
  trustProxy: false | number | string[];
  /** The most time an org-chart import may spend hashing its file's passwords; longer files are refused. */
  importTimeLimitSeconds: number;
  allowSignup: boolean;
  seedDemo: boolean;
  webDistDir: string | undefined;
  logLevel: string;
  /** Single sign-on with an OpenID Connect provider; undefined when OIDC_ISSUER is not set. */
  oidc: OidcSettings | undefined;
  /** A projection that leaves an event unapplied longer than this makes /health answer 503. */
  projectionStallSeconds: number;
  /**
   * Development only: run a mail catcher (an SMTP server keeping what it receives) on this port and show
   * its mail at /dev/mail. `npm start` sets it when SMTP_URL is not set; refused in production.
   */
  mailCatcherPort: number | undefined;
  /** Encrypts webhook signing secrets at rest (WEBHOOK_SECRET_KEY); without it webhooks cannot be registered. */
  webhookSecretKey: Buffer | undefined;
  /** WEBHOOKS_ALLOW_PRIVATE: http and private addresses for webhook endpoints (development and tests only). */
  webhooksAllowPrivate: boolean;
}

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  /** Where the provider sends the browser back: this API's `/api/auth/oidc/callback`. */
  redirectUri: string;
  /** Plain-HTTP providers (a local test IdP); refused in production. */
  allowInsecure: boolean;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

const MIN_SECRET_LENGTH = 32;

/** Reads and checks the API's configuration; throws with the variable's name when one is wrong. */
export function loadAppConfig(env: Record<string, string | undefined>): AppConfig {
  const production = env['NODE_ENV'] === 'production';
  const databaseUrl = env['DATABASE_URL'];
  if (!databaseUrl) throw new Error('DATABASE_URL is not set');
  const port = Number(env['PORT'] ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a TCP port, not "${env['PORT']}"`);
  return {
    port,
    production,
    databaseUrl,
    temporal: temporalSettingsFromEnv(env),
    jwtSecret: jwtSecret(env['JWT_SECRET'], production),
    tokenTtlSeconds: positiveInteger(env, 'TOKEN_TTL_SECONDS', 15 * 60),
    refreshTtlSeconds: positiveInteger(env, 'REFRESH_TOKEN_TTL_SECONDS', 30 * 24 * 3600),
    corsOrigins: (env['CORS_ORIGINS'] ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    loginAttemptsPerMinute: positiveInteger(env, 'LOGIN_ATTEMPTS_PER_MINUTE', 10),
    trustProxy: trustProxy(env['TRUST_PROXY']),
    importTimeLimitSeconds: positiveInteger(env, 'IMPORT_TIME_LIMIT_SECONDS', 20),
    streamHeartbeatSeconds: positiveInteger(env, 'STREAM_HEARTBEAT_SECONDS', 15),
    allowSignup: production ? env['ALLOW_SIGNUP'] === 'true' : env['ALLOW_SIGNUP'] !== 'false',
    seedDemo: !production && env['SEED_DEMO'] !== 'false',
    webDistDir: env['WEB_DIST_DIR'],
    logLevel: env['LOG_LEVEL'] ?? 'info',
    oidc: oidcSettings(env, production),
    projectionStallSeconds: positiveInteger(env, 'PROJECTION_STALL_SECONDS', 60),
    mailCatcherPort: mailCatcherPort(env['MAIL_CATCHER_PORT'], production),
    webhookSecretKey: webhookSecretKey(env['WEBHOOK_SECRET_KEY']),
    webhooksAllowPrivate: webhooksAllowPrivate(env['WEBHOOKS_ALLOW_PRIVATE'], production),
  };
}

function webhooksAllowPrivate(raw: string | undefined, production: boolean): boolean {
  if (raw !== 'true') return false;
  if (production) throw new Error('WEBHOOKS_ALLOW_PRIVATE is for development and tests only');
  return true;
}

function mailCatcherPort(raw: string | undefined, production: boolean): number | undefined {
  if (!raw) return undefined;
  if (production) throw new Error('MAIL_CATCHER_PORT is for development only: set SMTP_URL in production');
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`MAIL_CATCHER_PORT must be a TCP port, not "${raw}"`);
  return port;
}

function oidcSettings(
  env: Record<string, string | undefined>,
  production: boolean,
): OidcSettings | undefined {
  const issuer = env['OIDC_ISSUER'];
  if (!issuer) return undefined;
  const clientId = env['OIDC_CLIENT_ID'];
  const redirectUri = env['OIDC_REDIRECT_URI'];
  if (!clientId) throw new Error('OIDC_CLIENT_ID is not set: OIDC_ISSUER needs it');
  if (!redirectUri) throw new Error('OIDC_REDIRECT_URI is not set: OIDC_ISSUER needs it');
  const allowInsecure = env['OIDC_ALLOW_INSECURE'] === 'true';
  if (allowInsecure && production) throw new Error('OIDC_ALLOW_INSECURE is for development only');
  return {
    issuer,
    clientId,
    clientSecret: env['OIDC_CLIENT_SECRET'] || undefined,
    redirectUri,
    allowInsecure,
  };
}

/**
 * `TRUST_PROXY`: unset or `false`, a number of hops (`1` for one load balancer), or a comma-separated list
 * of proxy addresses and CIDR ranges. `true` is refused: trusting every hop believes the left-most
 * X-Forwarded-For entry, which the client writes.
 */
function trustProxy(raw: string | undefined): false | number | string[] {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false' || value === '0') return false;
  if (/^\d+$/.test(value)) return Number(value);
  const addresses = value.split(',').map((entry) => entry.trim());
  if (addresses.some((entry) => !/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(entry)))
    throw new Error(
      'TRUST_PROXY must be a number of proxy hops or a comma-separated list of proxy addresses or CIDR ranges',
    );
  return addresses;
}

function positiveInteger(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number`);
  return value;
}

function jwtSecret(configured: string | undefined, production: boolean): string {
  if (configured) {
    if (configured.length < MIN_SECRET_LENGTH)
      throw new Error(`JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
    return configured;
  }
  if (production) throw new Error('JWT_SECRET is not set: production needs a fixed signing secret');
  // Development without a secret: tokens then last as long as this process.
  return randomBytes(32).toString('base64url');
}
