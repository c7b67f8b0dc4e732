import { Client } from 'pg';

/** The database name in `databaseUrl`, and a client on the same server's `postgres` database. */
function maintenanceConnection(databaseUrl: string): { name: string; client: Client } {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  // The name goes into DDL, which takes no parameters: allow only plain identifiers.
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Refusing to manage a database named "${name}"`);
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

/** Creates the database named in `databaseUrl` when it does not exist yet; true when it created it. */
export function ensureDatabase(databaseUrl: string): Promise<boolean> {
  return withMaintenanceConnection(databaseUrl, async (client, name) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE "${name}"`);
    return true;
  });
}

/** Drops the database named in `databaseUrl` (test clean-up), closing any connection still open to it. */
export function dropDatabase(databaseUrl: string): Promise<void> {
  return withMaintenanceConnection(databaseUrl, async (client, name) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}
