import { isAbsolute, join } from 'node:path';

export interface LauncherConfig {
  root: string;
  dataDir: string;
  appPort: number;
  /** An existing Postgres to use; when absent an embedded one runs from `dataDir`. */
  databaseUrl: string | undefined;
  embeddedPostgresPort: number;
  /** An existing Temporal to use; when absent a dev server runs from `dataDir`. */
  temporalAddress: string | undefined;
  temporalPort: number;
  temporalUiPort: number;
  /** A real mail server; when absent the API runs a mail catcher on `mailCatcherPort` (see /dev/mail). */
  smtpUrl: string | undefined;
  mailCatcherPort: number;
}

function port(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1 || value > 65535)
    throw new Error(`${name} must be a TCP port, not "${env[name]}"`);
  return value;
}

/** Reads the launcher's settings; each has a default, so a fresh clone runs with none set. */
export function loadLauncherConfig(env: Record<string, string | undefined>, root: string): LauncherConfig {
  const dataDir = env['DATA_DIR'] ?? '.data';
  return {
    root,
    dataDir: isAbsolute(dataDir) ? dataDir : join(root, dataDir),
    appPort: port(env, 'PORT', 3000),
    databaseUrl: env['DATABASE_URL'] || undefined,
    embeddedPostgresPort: port(env, 'EMBEDDED_POSTGRES_PORT', 54329),
    temporalAddress: env['TEMPORAL_ADDRESS'] || undefined,
    temporalPort: port(env, 'TEMPORAL_PORT', 7233),
    temporalUiPort: port(env, 'TEMPORAL_UI_PORT', 8233),
    smtpUrl: env['SMTP_URL'] || undefined,
    mailCatcherPort: port(env, 'MAIL_CATCHER_PORT', 1025),
  };
}
