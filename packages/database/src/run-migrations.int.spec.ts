import { integrationEnv } from '@coachflow/testing';
import { dropDatabase, ensureDatabase, listDatabases } from './ensure-database';
import { runMigrations } from './run-migrations';

describe('runMigrations', () => {
  it('finds nothing to do on the suite database, which global setup migrated', async () => {
    expect(await runMigrations(integrationEnv().databaseUrl)).toEqual({ applied: [] });
  });

  it('runs this file on its own copy of the migrated template, found by the template name as prefix', async () => {
    const template = process.env['COACHFLOW_IT_TEMPLATE']!;
    const own = new URL(integrationEnv().databaseUrl).pathname.slice(1);
    expect(own).not.toBe(template);
    expect(await listDatabases(integrationEnv().databaseUrl, `${template}_`)).toContain(own);
  });

  it('migrates a fresh database once when several processes race to do it', async () => {
    const url = new URL(integrationEnv().databaseUrl);
    url.pathname = `${url.pathname}_race`;
    const fresh = url.toString();
    expect(await ensureDatabase(fresh)).toBe(true);
    expect(await ensureDatabase(fresh)).toBe(false);
    try {
      const results = await Promise.all([runMigrations(fresh), runMigrations(fresh), runMigrations(fresh)]);
      const applied = results.map((result) => result.applied.length);
      expect(applied.filter((count) => count > 0)).toHaveLength(1);
      expect(Math.max(...applied)).toBeGreaterThanOrEqual(2);
    } finally {
      await dropDatabase(fresh);
    }
  });
});
