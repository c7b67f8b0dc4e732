import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A secret for a local run: the configured value when set, else one generated on first start and kept in
 * the data folder (mode 600) under `file`, so what it protects survives a restart without anyone inventing
 * a secret.
 */
function keptSecret(
  dataDir: string,
  file: string,
  configured: string | undefined,
  generate: () => string,
): string {
  if (configured) return configured;
  const path = join(dataDir, file);
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  const secret = generate();
  writeFileSync(path, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** The JWT signing secret (JWT_SECRET, else `.data/jwt-secret`): sign-ins survive a restart. */
export function devJwtSecret(dataDir: string, configured: string | undefined): string {
  return keptSecret(dataDir, 'jwt-secret', configured, () => randomBytes(32).toString('base64url'));
}

/** The key webhook secrets are encrypted with (WEBHOOK_SECRET_KEY, else `.data/webhook-secret-key`). */
export function devWebhookSecretKey(dataDir: string, configured: string | undefined): string {
  return keptSecret(dataDir, 'webhook-secret-key', configured, () => randomBytes(32).toString('base64'));
}
