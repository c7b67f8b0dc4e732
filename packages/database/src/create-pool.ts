import { Pool, type PoolConfig } from 'pg';

/**
 * A pg pool that outlives a Postgres restart. A connection the server ends (a restart, a failover, an admin
 * killing it) is an `error` event: on the pool while the client is idle, on the client itself while it is
 * checked out. Unheard, either ends the process. Heard, the query in flight fails, the pool drops the client,
 * and the next query opens a new connection, so the process carries on once Postgres is back.
 */
export function createPool(config: PoolConfig, onConnectionLost: (error: Error) => void): Pool {
  const pool = new Pool(config);
  // An idle client's error reaches the listener below too; reported once, from there.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', onConnectionLost));
  return pool;
}
