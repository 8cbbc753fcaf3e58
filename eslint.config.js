import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'release', 'test-results', 'playwright-report', '.native'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // The core runs in plain Node (CLI, tests, web bridge): Electron stays at the edge.
    files: ['main/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron'] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/main/**'] }] },
  },
  {
    // Lower layers never import higher ones: the store and the catalog return models
    // (shared/models), not IPC contract types; sync reaches the cloud through its
    // RemoteProjects interface, since cloud/ owns sync. (Rules of one name do not merge
    // across blocks, so the electron ban is repeated.)
    files: ['main/core/store/**/*.ts', 'main/core/catalog/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['electron'], patterns: [{ group: ['**/shared/ipc/**'], message: 'use shared/models types' }] },
      ],
    },
  },
  {
    files: ['main/core/sync/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron'],
          patterns: [{ group: ['**/cloud/**'], message: 'sync talks to the cloud through sync/remote.ts' }],
        },
      ],
    },
  },
);
