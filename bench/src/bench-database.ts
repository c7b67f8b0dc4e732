import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropDatabase, ensureDatabase, runMigrations } from '@coachflow/database';
import { freePort, type RunningEmbeddedPostgres, startEmbeddedPostgres } from '@coachflow/dev-stack';
import { Client } from 'pg';

export interface BenchDatabase {
  /** A fresh, migrated database of its own. */
  url: string;
  /** Where the server came from, for the report. */
  server: 'DATABASE_URL' | 'embedded';
  serverVersion: string;
  /** The embedded server's process (Postgres runs under it), for CPU accounting; none for DATABASE_URL. */
  serverPid?: number;
}

async function startPostgres(
  say: (line: string) => void,
): Promise<{ postgres: RunningEmbeddedPostgres; root: string }> {
  // As root the server runs as `postgres`, which must be able to enter this folder: no 0700 mkdtemp.
  const root = join(tmpdir(), `coachflow-bench-${process.pid}-${Date.now()}`);
  mkdirSync(root, { recursive: true, mode: 0o755 });
  chmodSync(root, 0o755);
  say(`starting embedded Postgres in ${root}`);
  const quiet = (line: string) => {
    // DETAIL names what an error was about (which key a unique index refused).
    if (/ (WARNING|ERROR|FATAL|PANIC|DETAIL): |failed|check that/.test(line)) say(line);
  };
  const postgres = await startEmbeddedPostgres({
    dataDir: join(root, 'postgres'),
    port: await freePort(),
    output: quiet,
  });
  return { postgres, root };
}

async function serverVersion(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0]?.server_version ?? 'unknown';
  } finally {
    await client.end();
  }
}

/**
 * Runs `work` on a new database `coachflow_bench_<timestamp>` with our migrations applied, on the server in
 * DATABASE_URL or an embedded one; drops the database (and stops the embedded server) afterwards, also
 * when `work` fails.
 */
export async function withBenchDatabase<T>(
  env: NodeJS.ProcessEnv,
  say: (line: string) => void,
  work: (database: BenchDatabase) => Promise<T>,
): Promise<T> {
  const external = env['DATABASE_URL'];
  const embedded = external ? undefined : await startPostgres(say);
  try {
    const url = new URL(external ?? embedded?.postgres.serverUrl ?? '');
    url.pathname = `/coachflow_bench_${Date.now()}`;
    const databaseUrl = url.toString();
    say(`creating database ${url.pathname.slice(1)} on ${url.host}${external ? ' (DATABASE_URL)' : ''}`);
    await ensureDatabase(databaseUrl);
    try {
      await runMigrations(databaseUrl);
      return await work({
        url: databaseUrl,
        server: external ? 'DATABASE_URL' : 'embedded',
        serverVersion: await serverVersion(databaseUrl),
        serverPid: embedded?.postgres.process.pid,
      });
    } finally {
      say(`dropping database ${url.pathname.slice(1)}`);
      await dropDatabase(databaseUrl);
    }
  } finally {
    if (embedded) {
      say('stopping embedded Postgres');
      await embedded.postgres.process.stop();
      rmSync(embedded.root, { recursive: true, force: true });
    }
  }
}
