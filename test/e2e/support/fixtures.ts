import { test as base, expect, type Page } from '@playwright/test';
import type { MockDeckApi } from '../../../shared/ipc/contract';
import { createWebBridgeClient, type WebBridgeClient } from '../../../renderer/src/platform/web-bridge-client';
import { startHarness, type HarnessInfo } from './harness';

interface WorkerFixtures {
  harness: HarnessInfo;
  /** The same typed API the page uses, for arranging data and checking what was saved. */
  api: MockDeckApi;
}
interface TestFixtures {
  app: Page;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  harness: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const running = await startHarness('test/harness/web-app.ts');
      await use(running.info);
      await running.stop();
    },
    { scope: 'worker', timeout: 90_000 },
  ],
  api: [
    async ({ harness }, use) => {
      const client: WebBridgeClient = createWebBridgeClient({ url: harness.bridgeUrl, token: harness.token });
      await use(client);
      client.close();
    },
    { scope: 'worker' },
  ],
  app: async ({ page, harness }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // The CSP in index.html must hold for everything the app does (CodeMirror styles included).
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(m.text());
    });
    await page.goto(harness.appUrl);
    await expect(page.getByRole('navigation', { name: 'Projects' })).toBeVisible();
    await use(page);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };

let counter = 0;
/** A project name no other test in this worker uses. */
export const uniqueName = (base: string): string => `${base} ${Date.now().toString(36)}${(counter++).toString(36)}`;
