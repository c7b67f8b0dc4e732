/** Unit and component tests in jsdom (Testing Library); whole flows run in a real browser from test/. */
const { unitProject } = require('../../jest.preset.js');

const base = unitProject(__dirname);
module.exports = {
  ...base,
  testEnvironment: 'jsdom',
  setupFilesAfterEnv: ['<rootDir>/jest.setup.ts'],
  moduleNameMapper: {
    '\\.css$': '<rootDir>/jest.style-stub.js',
    '^#web/(.*)$': '<rootDir>/src/$1',
    ...base.moduleNameMapper,
  },
};
