import { createHash } from 'node:crypto';
import { ensureDatabase } from '@coachflow/database';

/**
 * Gives every integration test file a database of its own, copied from the run's migrated template.
 * Projections read every event in their database; a file that writes raw events of its own making (the
 * event-store contract, the worker's test kit) must not feed them to another file's projections.
 *
 * Runs before the test file is loaded, so `integrationEnv()` anywhere in the file sees this database.
 */
const template = process.env['COACHFLOW_IT_TEMPLATE'];
const templateUrl = process.env['DATABASE_URL'];
if (!template || !templateUrl) throw new Error('run integration tests through test/jest.config.js');

const testPath = expect.getState().testPath ?? '';
const fileDatabase = `${template}_${createHash('sha256').update(testPath).digest('hex').slice(0, 10)}`;
const url = new URL(templateUrl);
url.pathname = `/${fileDatabase}`;
process.env['DATABASE_URL'] = url.toString();

beforeAll(async () => {
  await ensureDatabase(url.toString(), { template });
});
