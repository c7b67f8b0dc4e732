import { builtinModules } from 'node:module';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Which projects may import which (STYLE.md); tests may also use the shared test helpers. */
function moduleBoundaries(inTests) {
  const also = inTests ? ['type:testing', 'type:tooling'] : [];
  const allow = (...tags) => [...tags, ...also];
  return {
    enforceBuildableLibDependency: true,
    // An app's own folders, imported as #<app>/... through its package.json "imports".
    allow: ['#api/**', '#worker/**', '#launcher/**', '#web/**'],
    depConstraints: [
      // contracts stands alone; nothing imports an app.
      // domain speaks the contract's vocabulary (task kinds, statuses): one list, not two.
      { sourceTag: 'type:domain', onlyDependOnLibsWithTags: allow('type:contracts') },
      { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: allow() },
      {
        sourceTag: 'type:data',
        onlyDependOnLibsWithTags: allow('type:domain', 'type:data', 'type:contracts'),
      },
      { sourceTag: 'type:workflows', onlyDependOnLibsWithTags: allow('type:domain', 'type:contracts') },
      { sourceTag: 'type:forms', onlyDependOnLibsWithTags: allow('type:contracts', 'type:domain') },
      { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: allow() },
      {
        sourceTag: 'type:testing',
        onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:tooling'],
      },
      {
        sourceTag: 'type:app',
        onlyDependOnLibsWithTags: allow(
          'type:domain',
          'type:contracts',
          'type:data',
          'type:workflows',
          'type:tooling',
          'type:forms',
        ),
      },
      {
        sourceTag: 'type:test',
        onlyDependOnLibsWithTags: [
          // Browser benchmarks build pages from the web app's sources, which use the forms package.
          'type:forms',
          'type:domain',
          'type:contracts',
          'type:data',
          'type:workflows',
          'type:tooling',
          'type:testing',
        ],
      },
      // The browser gets browser-safe packages only.
      { sourceTag: 'scope:frontend', onlyDependOnLibsWithTags: ['scope:shared'] },
    ],
  };
}

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.nx/**', '.data/**', '.tools/**', '**/*.js', '**/*.mjs'] },
  ...nx.configs['flat/base'],
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../../*'],
              message:
                'No climbing: import another package as @coachflow/*, and your own app as #<app>/... (package.json imports).',
            },
          ],
        },
      ],
      '@nx/enforce-module-boundaries': ['error', moduleBoundaries(false)],
    },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox: no Node built-ins, no I/O.
    files: ['workflows/src/**/*.ts'],
    ignores: ['workflows/src/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'Workflow code must be deterministic: no Node built-ins.',
          })),
        },
      ],
    },
  },
  {
    // Test code: specs, and contract suites under a testing/ folder.
    files: ['**/*.spec.ts', '**/*.spec.tsx', '**/src/testing/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@nx/enforce-module-boundaries': ['error', moduleBoundaries(true)],
    },
  },
  prettier,
);
