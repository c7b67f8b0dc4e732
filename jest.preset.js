// Shared jest configuration. Tests run TypeScript through SWC (fast, keeps decorator metadata for Nest
// and TypeORM) and resolve @coachflow/* to sources, so unit tests never wait for a build.
const path = require('node:path');

const workspaceRoot = __dirname;
const packageSources = {
  // Apps import their own folders as `#<app>/...` (package.json "imports"): map them to sources too.
  '^#(api|worker|launcher)/(.*)$': path.join(workspaceRoot, 'apps/$1/src/$2'),
  '^@coachflow/workflows$': path.join(workspaceRoot, 'workflows/src/index.ts'),
  '^@coachflow/([a-z-]+)$': path.join(workspaceRoot, 'packages/$1/src/index.ts'),
  // Subpath exports (package.json "exports"), e.g. @coachflow/contracts/task-kinds.
  '^@coachflow/([a-z-]+)/([a-z-]+)$': path.join(workspaceRoot, 'packages/$1/src/$2.ts'),
};

const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', tsx: true, decorators: true },
      transform: {
        legacyDecorator: true,
        decoratorMetadata: true,
        useDefineForClassFields: false,
        react: { runtime: 'automatic' },
      },
    },
    module: { type: 'commonjs', ignoreDynamic: true },
  },
];

/** Base options shared by unit and integration runs. */
const base = {
  testEnvironment: 'node',
  // Only TypeScript is transformed: built dist/*.js (e.g. dev-stack in global setup) keeps native import().
  transform: { '^.+\\.tsx?$': swcTransform },
  moduleNameMapper: packageSources,
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};

/** Jest config for one project's unit tests (`*.spec.ts`, not `*.int.spec.ts`). */
function unitProject(projectDir) {
  return {
    ...base,
    displayName: path.relative(workspaceRoot, projectDir),
    rootDir: projectDir,
    testMatch: ['<rootDir>/src/**/*.spec.ts?(x)'],
    testPathIgnorePatterns: ['/node_modules/', '/dist/', '\\.int\\.spec\\.ts$'],
  };
}

module.exports = { base, unitProject, workspaceRoot };
