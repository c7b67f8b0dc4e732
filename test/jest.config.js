/**
 * The integration suite: every `*.int.spec.ts` in the workspace and the cross-process suites in test/src,
 * against a real Postgres and a real Temporal dev server started once per run by the global setup.
 */
const { base, workspaceRoot } = require('../jest.preset.js');

module.exports = {
  ...base,
  displayName: 'integration',
  rootDir: workspaceRoot,
  roots: ['<rootDir>/apps', '<rootDir>/packages', '<rootDir>/workflows', '<rootDir>/test'],
  testMatch: ['**/*.int.spec.ts', '<rootDir>/test/src/**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  globalSetup: '<rootDir>/test/src/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/src/setup/global-teardown.ts',
  // A database per test file, copied from the migrated template the global setup made.
  setupFilesAfterEnv: ['<rootDir>/test/src/setup/per-file-database.ts'],
  testTimeout: 120_000,
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
  // Two cores: one test file per core, each with its own task queue and fixtures.
  maxWorkers: 2,
};
