import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { dropDatabase } from '@coachflow/database';
import { takeSuiteResources } from './suite-resources';

/** Stops what the global setup started and removes this run's database, so runs never pile up. */
export default async function globalTeardown(): Promise<void> {
  const resources = takeSuiteResources();
  if (!resources) return;
  await resources.temporal.teardown();
  await dropDatabase(resources.databaseUrl);
  if (resources.postgres) await resources.postgres.process.stop();
  if (resources.postgresDataDir) rmSync(dirname(resources.postgresDataDir), { recursive: true, force: true });
}
