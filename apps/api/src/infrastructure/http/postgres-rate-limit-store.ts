import { createHash } from 'node:crypto';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { DataSource } from 'typeorm';

// Windows that ended this long ago are deleted, at most once per interval per process.
const SWEEP_EVERY_MS = 60_000;

/**
 * A `@fastify/rate-limit` store in Postgres (`rate_limit_windows`), so every API process counts against
 * the same limit. One statement counts a hit: it opens a window, or adds to the open one, atomically.
 */
export function postgresRateLimitStore(dataSource: DataSource): FastifyRateLimitStoreCtor {
  let lastSweep = 0;
  const sweep = () => {
    if (Date.now() - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = Date.now();
    dataSource.query(`DELETE FROM rate_limit_windows WHERE ends_at < now()`).catch(() => {
      lastSweep = 0;
    });
  };

  return class PostgresRateLimitStore implements FastifyRateLimitStore {
    incr(key: string, callback: Parameters<FastifyRateLimitStore['incr']>[1], timeWindow: number): void {
      sweep();
      dataSource
        .query(
          `INSERT INTO rate_limit_windows AS w (key_hash, hits, ends_at)
           VALUES ($1, 1, now() + $2 * interval '1 millisecond')
           ON CONFLICT (key_hash) DO UPDATE
             SET hits = CASE WHEN w.ends_at <= now() THEN 1 ELSE w.hits + 1 END,
                 ends_at = CASE WHEN w.ends_at <= now() THEN excluded.ends_at ELSE w.ends_at END
           RETURNING hits, ceil(greatest(extract(epoch FROM ends_at - now()), 0) * 1000)::bigint AS ttl`,
          [createHash('sha256').update(key).digest('hex'), timeWindow],
        )
        .then(
          (rows: { hits: number; ttl: string }[]) =>
            callback(null, { current: rows[0]?.hits ?? 1, ttl: Number(rows[0]?.ttl ?? timeWindow) }),
          (error: Error) => callback(error),
        );
    }

    child(): FastifyRateLimitStore {
      return this;
    }
  };
}
