/** Unit and component tests in jsdom (Testing Library); whole flows run in a real browser from test/. */
const { unitProject } = require('../../jest.preset.js');

const base = unitProject(__dirname);
module.exports = {
  ...base,
  testEnvironment: 'jsdom',
  // Component tests type and click through real widgets; a shared, busy machine needs the headroom.
  testTimeout: 30_000,
  // A few of rjsf's dependencies ship ES modules only; SWC turns them into CommonJS for jest.
  transform: { ...base.transform, '^.+\\.m?js$': ['@swc/jest', { module: { type: 'commonjs' } }] },
  transformIgnorePatterns: ['/node_modules/(?!(@x0k)/)'],
  setupFilesAfterEnv: ['<rootDir>/jest.setup.ts'],
  moduleNameMapper: {
    '\\.css$': '<rootDir>/jest.style-stub.js',
    '^#web/(.*)$': '<rootDir>/src/$1',
    ...base.moduleNameMapper,
  },
};
