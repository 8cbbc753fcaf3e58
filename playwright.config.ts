import { defineConfig } from '@playwright/test';

/**
 * Browser tests of the real renderer (out/renderer-web) against the real core, through the
 * loopback web bridge: each worker starts its own harness on its own data dir (see
 * test/e2e/support/fixtures.ts). Playwright's browsers cannot be downloaded on the build
 * machines, so Debian's Chromium runs them.
 */
export default defineConfig({
  testDir: 'test/e2e',
  // *.e2e.ts, so vitest's default *.spec/*.test glob never picks these up.
  testMatch: '**/*.e2e.ts',
  outputDir: 'test-results',
  workers: 2,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  // The JSON report feeds the one-line CI summary (scripts/ci/summary.mjs).
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  // The performance check runs after everything else, alone, so its stall figures measure
  // the app rather than the other worker's browser.
  projects: [
    { name: 'app', testIgnore: /log-performance/ },
    { name: 'performance', testMatch: /log-performance\.e2e\.ts/, dependencies: ['app'] },
  ],
  use: {
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    colorScheme: 'light',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    permissions: ['clipboard-read', 'clipboard-write'],
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    acceptDownloads: false,
  },
});
