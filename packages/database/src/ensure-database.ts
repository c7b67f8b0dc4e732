import { Client } from 'pg';

const PLAIN_IDENTIFIER = /^[A-Za-z0-9_]+$/;

/** The database name in `databaseUrl`, and a client on the same server's `postgres` database. */
function maintenanceConnection(databaseUrl: string): { name: string; client: Client } {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  // The name goes into DDL, which takes no parameters: allow only plain identifiers.
  if (!PLAIN_IDENTIFIER.test(name)) throw new Error(`Refusing to manage a database named "${name}"`);
  url.pathname = '/postgres';
  return { name, client: new Client({ connectionString: url.toString() }) };
}

async function withMaintenanceConnection<T>(
  databaseUrl: string,
  work: (client: Client, name: string) => Promise<T>,
): Promise<T> {
  const { name, client } = maintenanceConnection(databaseUrl);
  await client.connect();
  try {
    return await work(client, name);
  } finally {
    await client.end();
  }
}

/**
 * Creates the database named in `databaseUrl` when it does not exist yet; true when it created it. With
 * `template`, it is a copy of that database on the same server (a migrated template makes a fresh test
 * database in milliseconds).
 */
export function ensureDatabase(databaseUrl: string, options: { template?: string } = {}): Promise<boolean> {
  return withMaintenanceConnection(databaseUrl, async (client, name) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    const template = options.template;
    if (template !== undefined && !PLAIN_IDENTIFIER.test(template))
      throw new Error(`Refusing to copy a database named "${template}"`);
    await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
    return true;
  });
}

/** Names of the databases on `serverUrl`'s server that start with `prefix` (test clean-up). */
export function listDatabases(serverUrl: string, prefix: string): Promise<string[]> {
  return withMaintenanceConnection(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname',
      [prefix],
    );
    return rows.map((row) => row.datname);
  });
}

/** Drops the database named in `databaseUrl` (test clean-up), closing any connection still open to it. */
export function dropDatabase(databaseUrl: string): Promise<void> {
  return withMaintenanceConnection(databaseUrl, async (client, name) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}
