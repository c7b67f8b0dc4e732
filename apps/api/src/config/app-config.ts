import { randomBytes } from 'node:crypto';
import { type TemporalSettings, temporalSettingsFromEnv } from '@coachflow/workflows';

export interface AppConfig {
  port: number;
  production: boolean;
  databaseUrl: string;
  temporal: TemporalSettings;
  jwtSecret: string;
  /** How long an access token lives, in seconds. */
  tokenTtlSeconds: number;
  allowSignup: boolean;
  seedDemo: boolean;
  webDistDir: string | undefined;
  logLevel: string;
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
    tokenTtlSeconds: Number(env['TOKEN_TTL_SECONDS'] ?? 8 * 3600),
    allowSignup: production ? env['ALLOW_SIGNUP'] === 'true' : env['ALLOW_SIGNUP'] !== 'false',
    seedDemo: !production && env['SEED_DEMO'] !== 'false',
    webDistDir: env['WEB_DIST_DIR'],
    logLevel: env['LOG_LEVEL'] ?? 'info',
  };
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
