import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { CloudServerHandle } from '../cloud-server';
import { cloudServerFixture } from './support/cloud-server';
import { test as appTest, expect, uniqueName } from './support/fixtures';
import { addResponse, createMock, createProject, ensureServerRunning, shot } from './support/ui';

/**
 * Every main screen at the smallest supported window, a laptop and a desktop, light and dark:
 * test-results/screens/layout-<screen>-<size>-<theme>.png, each checked with axe-core (no
 * serious or critical violation) and for the layout rules of docs/ui.md that a script can see:
 * nothing wider than the window, the log detail beside or below the table, never over it.
 * One page walks all screens and keeps its state, so the spec costs one harness.
 */
const SIZES = [
  { width: 1000, height: 650 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;
const THEMES = ['light', 'dark'] as const;

const test = appTest.extend<object, { cloud: CloudServerHandle }>({
  cloud: cloudServerFixture({ rateLimitPerMinute: 100_000 }),
});

/** What axe found that matters here, one line each, so a failure names the rule and the element. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary ?? ''}`));
}

async function shoot(page: Page, screen: string): Promise<void> {
  const problems: string[] = [];
  for (const size of SIZES) {
    await page.setViewportSize(size);
    for (const colorScheme of THEMES) {
      await page.emulateMedia({ colorScheme });
      await shot(page, `layout-${screen}-${size.width}x${size.height}-${colorScheme}`);
      // Nothing pushes the document sideways: panes reflow instead.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) problems.push(`${size.width}x${size.height}: the page is ${overflow}px wider than the window`);
      // Colours and names do not change with the size: axe once per theme keeps the spec fast.
      if (size.width === 1280) for (const v of await seriousViolations(page)) problems.push(`${colorScheme}: ${v}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  // Soft: one run lists every screen's problems, not only the first screen's.
  expect.soft([...new Set(problems)], `layout and accessibility of ${screen}`).toEqual([]);
}

async function boxesOverlap(page: Page, a: string, b: string): Promise<boolean> {
  const [ra, rb] = await Promise.all([page.locator(a).boundingBox(), page.locator(b).boundingBox()]);
  if (!ra || !rb) return false;
  return ra.x < rb.x + rb.width && rb.x < ra.x + ra.width && ra.y < rb.y + rb.height && rb.y < ra.y + ra.height;
}

test('every main screen at 1000×650, 1280×800 and 1920×1080, light and dark', async ({ app: page, api, cloud }) => {
  test.setTimeout(240_000);
  await shoot(page, 'projects');

  // A long name and slug: they must truncate with a title and a copy button, not widen the page.
  const name = uniqueName('Customer orders and invoices for the northern warehouse region');
  const base = await createProject(page, name);
  await ensureServerRunning(page);
  await createMock(page, {
    name: 'List orders',
    path: '/api/v1/customers/{customerId}/orders/{orderId}/line-items/with-a-very-long-path',
  });
  await shoot(page, 'mock-editor');

  await addResponse(page, {
    name: 'Premium customer',
    status: '200',
    body: '{"orders": [{"id": 1, "total": 99.5}]}',
    condition: { type: 'header', field: 'x-tier', operator: 'equals', value: 'premium' },
  });
  await shoot(page, 'response-editor');
  const responses = page.getByRole('region', { name: 'Responses' });
  await expect(responses).toBeVisible();
  await page
    .getByRole('form', { name: 'Response Premium customer' })
    .getByLabel('Condition 1 field')
    .scrollIntoViewIfNeeded();
  await shoot(page, 'condition-editor');

  await page.getByRole('tab', { name: 'Mocks' }).click();
  await page.keyboard.press('Escape');
  await shoot(page, 'mocks');

  const path = '/api/v1/customers/7/orders/9/line-items/with-a-very-long-path';
  await fetch(`${base}${path}`, { headers: { 'x-tier': 'premium' } });
  await fetch(`${base}${path}`);
  await fetch(`${base}/missing`);
  await page.getByRole('tab', { name: 'Request log' }).click();
  const rows = page.getByRole('listbox', { name: 'Request log' }).getByRole('option');
  await expect(rows).toHaveCount(3);
  await rows.nth(1).click();
  await expect(page.getByRole('article', { name: 'Request detail' })).toBeVisible();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    expect(
      await boxesOverlap(page, '.log-list-pane', '.log-detail-pane'),
      `log detail over the table at ${size.width}`,
    ).toBe(false);
  }
  await shoot(page, 'logs');

  for (const [tab, screen] of [
    ['Stats', 'stats'],
    ['Data buckets', 'buckets'],
    ['Chaos', 'chaos'],
    ['Proxy', 'proxy'],
  ] as const) {
    await page.getByRole('tab', { name: tab }).click();
    await shoot(page, screen);
  }

  // Cloud: signed out first, then signed in to the contract server.
  await page.getByRole('button', { name: 'Cloud', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Cloud' })).toBeVisible();
  await shoot(page, 'cloud-signin');
  const tag = Date.now().toString(36);
  await api.invoke('cloud.setBaseUrl', { url: cloud.url });
  await api.invoke('auth.register', {
    username: `layout${tag}`,
    email: `layout${tag}@example.com`,
    password: 'correct horse battery',
  });
  await page.reload();
  await page.getByRole('button', { name: 'Cloud', exact: true }).click();
  for (const [tab, screen] of [
    ['Account', 'cloud-account'],
    ['Team', 'cloud-team'],
    ['Sync', 'cloud-sync'],
    ['Deployments', 'cloud-deployments'],
    ['API tokens', 'cloud-tokens'],
    ['Status', 'cloud-status'],
  ] as const) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tabpanel')).toBeVisible();
    await shoot(page, screen);
  }
});

test('an existing mock opens with its body editor in view at 1000×650, 1280×800 and 1920×1080', async ({
  app: page,
}) => {
  await createProject(page, uniqueName('Body in view'));
  await createMock(page, { name: 'Show order', path: '/api/v1/orders/{orderId}' });
  await addResponse(page, { name: 'Found', status: '200', body: '{"id": 1}' });
  await addResponse(page, {
    name: 'Premium',
    status: '200',
    body: '{"id": 1, "tier": "premium"}',
    condition: { type: 'header', field: 'x-tier', operator: 'equals', value: 'premium' },
  });
  // Leave and come back, as a user does the next morning: the mock opens on its first response.
  await createMock(page, { name: 'Other', path: '/other' });
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.getByRole('button', { name: 'GET /other', exact: true }).click();
    await page.getByRole('button', { name: 'GET /api/v1/orders/{orderId}', exact: true }).click();
    const body = page.getByRole('form', { name: 'Response Found' }).locator('.cm-editor');
    await expect(body).toBeVisible();
    for (const colorScheme of THEMES) {
      await page.emulateMedia({ colorScheme });
      await shot(page, `layout-mock-opened-${size.width}x${size.height}-${colorScheme}`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    // The whole editor box inside the window and inside the pane that scrolls, unscrolled.
    const pane = page.locator('.editor-pane');
    expect(await pane.evaluate((el) => el.scrollTop), `pane scrolled at ${size.width}`).toBe(0);
    const [box, paneBox] = await Promise.all([body.boundingBox(), pane.boundingBox()]);
    if (!box || !paneBox) throw new Error('body editor or editor pane not laid out');
    const where = `at ${size.width}×${size.height}: body editor ${JSON.stringify(box)}, pane ${JSON.stringify(paneBox)}`;
    expect(box.y, where).toBeGreaterThanOrEqual(paneBox.y);
    expect(box.y + box.height, where).toBeLessThanOrEqual(Math.min(paneBox.y + paneBox.height, size.height));
    expect(box.x + box.width, where).toBeLessThanOrEqual(Math.min(paneBox.x + paneBox.width, size.width));
  }

  // Folded, the settings still say what they hold; unfolded by hand they stay so for this mock.
  const toggle = page.getByRole('button', { name: 'Mock settings' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('mock-settings-summary')).toContainText('GET /api/v1/orders/{orderId}');
  await expect(page.getByTestId('mock-settings-summary')).toContainText('“Show order”');
  const mockForm = page.getByRole('form', { name: 'Mock GET /api/v1/orders/{orderId}' });
  await expect(mockForm.getByLabel('Path')).toBeHidden();
  await toggle.click();
  await expect(mockForm.getByLabel('Path')).toHaveValue('/api/v1/orders/{orderId}');
  await page.getByRole('button', { name: 'GET /other', exact: true }).click();
  await page.getByRole('button', { name: 'GET /api/v1/orders/{orderId}', exact: true }).click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(mockForm.getByLabel('Path')).toBeVisible();
});
