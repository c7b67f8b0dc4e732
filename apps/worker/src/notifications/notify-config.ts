import { webhookSecretKey } from '@coachflow/read-models';
import type { Backoff } from './backoff';

export interface NotifyConfig {
  /** Where mail goes (smtp://user:pass@host:port); without it nothing is mailed and deliveries wait. */
  smtpUrl: string | undefined;
  /** The From header of every mail. */
  smtpFrom: string;
  /** The web app's address, for the links in mails. */
  appUrl: string;
  backoff: Backoff;
  /** Deliveries leased per claim, and how long a lease lasts (a sender that dies frees them after it). */
  batchSize: number;
  leaseSeconds: number;
  /** Batches a sender has in flight at once (each leased on its own). */
  batchesInFlight: number;
  /** How often an idle sender looks for due deliveries. */
  pollMs: number;
  /** Opens webhook signing secrets (WEBHOOK_SECRET_KEY); without it no webhook is sent. */
  webhookSecretKey: Buffer | undefined;
  /** WEBHOOKS_ALLOW_PRIVATE: http and private addresses (development and tests only). */
  webhooksAllowPrivate: boolean;
  webhookTimeoutMs: number;
  /** How often weekly digests that have come due are queued. */
  digestCheckMs: number;
}

function positive(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number, not "${raw}"`);
  return value;
}

function allowPrivate(env: Record<string, string | undefined>): boolean {
  if (env['WEBHOOKS_ALLOW_PRIVATE'] !== 'true') return false;
  if (env['NODE_ENV'] === 'production')
    throw new Error('WEBHOOKS_ALLOW_PRIVATE is for development and tests only');
  return true;
}

/** The sender's settings (docs/notifications.md); each has a default but SMTP_URL. */
export function loadNotifyConfig(env: Record<string, string | undefined>): NotifyConfig {
  return {
    smtpUrl: env['SMTP_URL'] || undefined,
    smtpFrom: env['SMTP_FROM'] || 'Coachflow <coachflow@localhost>',
    appUrl: (env['APP_URL'] || 'http://localhost:3000').replace(/\/+$/, ''),
    backoff: {
      baseMs: positive(env, 'NOTIFY_RETRY_BASE_MS', 30_000),
      maxDelayMs: positive(env, 'NOTIFY_RETRY_MAX_MS', 60 * 60_000),
      giveUpAfterMs: positive(env, 'NOTIFY_GIVE_UP_AFTER_MS', 24 * 60 * 60_000),
    },
    batchSize: positive(env, 'NOTIFY_BATCH_SIZE', 20),
    leaseSeconds: positive(env, 'NOTIFY_LEASE_SECONDS', 60),
    batchesInFlight: Math.ceil(positive(env, 'NOTIFY_BATCHES_IN_FLIGHT', 2)),
    pollMs: positive(env, 'NOTIFY_POLL_MS', 1000),
    webhookSecretKey: webhookSecretKey(env['WEBHOOK_SECRET_KEY']),
    webhooksAllowPrivate: allowPrivate(env),
    webhookTimeoutMs: positive(env, 'WEBHOOK_TIMEOUT_MS', 10_000),
    digestCheckMs: positive(env, 'NOTIFY_DIGEST_CHECK_MS', 5 * 60_000),
  };
}
