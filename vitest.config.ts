import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Playwright owns test/e2e; vitest must not pick those files up.
    exclude: ['test/e2e/**', 'node_modules/**', 'out/**'],
    environment: 'node',
    // Servers, SQLite files and child processes: generous on a shared 2-core CI machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // The JSON report feeds the one-line CI summary (scripts/ci/summary.mjs).
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
  },
});
