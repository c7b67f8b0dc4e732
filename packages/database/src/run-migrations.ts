import { DataSource } from 'typeorm';
import { migrations } from './migrations';

// Any fixed key: it only has to be the same for every process that migrates this database.
const MIGRATION_LOCK_KEY = 7_341_902_118;

export interface MigrationResult {
  applied: string[];
}

/**
 * Applies pending migrations. Safe when several processes start at once: they queue on an advisory lock,
 * and the later ones find nothing left to do.
 */
export async function runMigrations(databaseUrl: string): Promise<MigrationResult> {
  const dataSource = new DataSource({
    type: 'postgres',
    url: databaseUrl,
    migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
  });
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations();
    return { applied: applied.map((migration) => migration.name) };
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
    await dataSource.destroy();
  }
}
