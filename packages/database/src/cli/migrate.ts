import { ensureDatabase } from '../ensure-database';
import { runMigrations } from '../run-migrations';

// `node packages/database/dist/cli/migrate.js`: the one-shot migration step of a deployment.
async function main(): Promise<void> {
  const databaseUrl = process.env['DATABASE_URL'];
  if (!databaseUrl) throw new Error('DATABASE_URL is not set');
  if (await ensureDatabase(databaseUrl)) console.log('created the database');
  const { applied } = await runMigrations(databaseUrl);
  console.log(
    applied.length ? `applied ${applied.length} migration(s): ${applied.join(', ')}` : 'schema is up to date',
  );
}

main().catch((error: unknown) => {
  console.error(`migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
