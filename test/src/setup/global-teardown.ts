import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { dropDatabase, listDatabases } from '@coachflow/database';
import { takeSuiteResources } from './suite-resources';

/** Stops what the global setup started and removes this run's database, so runs never pile up. */
export default async function globalTeardown(): Promise<void> {
  const resources = takeSuiteResources();
  if (!resources) return;
  await resources.temporal.teardown();
  const template = new URL(resources.databaseUrl);
  for (const name of await listDatabases(resources.databaseUrl, `${template.pathname.slice(1)}_`)) {
    const fileDatabase = new URL(template);
    fileDatabase.pathname = `/${name}`;
    await dropDatabase(fileDatabase.toString());
  }
  await dropDatabase(resources.databaseUrl);
  if (resources.postgres) await resources.postgres.process.stop();
  if (resources.postgresDataDir) rmSync(dirname(resources.postgresDataDir), { recursive: true, force: true });
}
