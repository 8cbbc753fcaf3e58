import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { CloudServerHandle } from '../cloud-server';
import { DEMO_USAGE } from '../cloud-server/account/seed';
import type { InspectedUser } from '../cloud-server/inspect';
import { nextOpenedUrl, openedUrls } from './support/opened-urls';
import { cloudServerFixture } from './support/cloud-server';
import { test as appTest, expect } from './support/fixtures';
import { shotsAtSizes } from './support/cloud-shots';
import { shot } from './support/ui';

/**
 * The account screens of issue 19 against the contract server: usage history chart, plan
 * upgrade through the (recorded) system browser, GDPR export and deletion, help (legal
 * documents, FAQ search, support request) and the service status while a service is degraded.
 */
const test = appTest.extend<object, { cloud: CloudServerHandle; account: { email: string } }>({
  cloud: cloudServerFixture({ rateLimitPerMinute: 100_000 }),
  // One signed-in account per worker, with half a year of seeded usage.
  account: [
    async ({ api, cloud }, use) => {
      const tag = Date.now().toString(36);
      const user = { username: `acct${tag}`, email: `acct${tag}@example.com`, password: 'correct horse battery' };
      await api.invoke('cloud.setBaseUrl', { url: cloud.url });
      await api.invoke('auth.register', user);
      const me = (cloud.inspect.users() as InspectedUser[]).find((u) => u.email === user.email)!;
      cloud.account.seedUsage(me.personal_org_id!, DEMO_USAGE);
      await use({ email: user.email });
    },
    { scope: 'worker' },
  ],
});
test.use({ acceptDownloads: true });

async function openCloudTab(page: Page, tab: string): Promise<void> {
  await page.getByRole('button', { name: 'Cloud', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Cloud' })).toBeVisible();
  await page.getByRole('tab', { name: tab }).click();
}

test('usage history chart beside today’s usage, at both window sizes, light and dark', async ({
  app: page,
  account,
}) => {
  expect(account.email).toContain('@');
  await page.setViewportSize({ width: 1000, height: 650 });
  await openCloudTab(page, 'Account');
  const history = page.getByRole('region', { name: 'Usage history' });
  const chart = history.getByTestId('usage-chart');
  await expect(chart).toBeVisible();
  // Six months, oldest first, with the seeded numbers in their titles; the limit line is drawn.
  await expect(chart.locator('g[data-month]')).toHaveCount(6);
  await expect(chart).toHaveAttribute('aria-label', /Requests per month, limit 250,000: .*151,000/);
  await expect(chart.locator('.limit-line')).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Usage', exact: true }).getByRole('meter', { name: 'Requests to hosted mocks' }),
  ).toBeVisible();
  await history.getByRole('radio', { name: 'Storage' }).click();
  await expect(chart).toHaveAttribute('aria-label', /Storage per month/);
  await history.getByLabel('Months').selectOption('12');
  await expect(chart.locator('g[data-month]')).toHaveCount(12);
  await history.getByRole('radio', { name: 'Requests' }).click();
  await shotsAtSizes(page, 'cloud-account-plan', page.getByRole('region', { name: 'Plan' }));
  await shotsAtSizes(page, 'cloud-account-usage-chart', history);
});

test('plan upgrade opens the checkout in the system browser and shows the new plan on return', async ({
  app: page,
  harness,
  account,
}) => {
  expect(account.email).toContain('@');
  await openCloudTab(page, 'Account');
  const plan = page.getByRole('region', { name: 'Plan' });
  await expect(plan.getByTestId('account-plan')).toHaveText('pro');
  const before = openedUrls(harness).length;
  await plan.getByRole('button', { name: 'Upgrade to Team' }).click();
  await expect(plan.getByRole('status').filter({ hasText: 'Finish the checkout' })).toBeVisible();
  // The checkout URL went to the external opener, not into the app's window.
  const checkout = await nextOpenedUrl(harness, /\/__fake-checkout\/cs_test_/, before);
  await shotsAtSizes(page, 'cloud-account-upgrade-waiting', plan);
  expect((await fetch(checkout)).status).toBe(200); // pays, then the browser lands on the loopback success page
  await expect(plan.getByRole('status').filter({ hasText: 'Upgrade complete' })).toBeVisible();
  await expect(plan.getByTestId('account-plan')).toHaveText('team');
  await expect(plan.getByRole('button', { name: /Upgrade to/ })).toHaveCount(0);
  await shot(page, 'account-upgrade-done');
});

test('help: legal documents as safe Markdown, FAQ search, and a support request with its ticket id', async ({
  app: page,
  cloud,
  account,
}) => {
  expect(account.email).toContain('@');
  await page.setViewportSize({ width: 1000, height: 650 });
  // By keyboard: the selected tab is the one Tab reaches; arrows move, Enter opens.
  await openCloudTab(page, 'Account');
  await page.getByRole('tab', { name: 'Account' }).focus();
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Status' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Account' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Help' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Help' })).toBeVisible();
  const faq = page.getByRole('region', { name: 'Frequently asked questions' });
  await faq.getByRole('searchbox', { name: 'Search the FAQ' }).fill('upgrade plan');
  await expect(faq.locator('details')).toHaveCount(1);
  await faq.getByText('How do I upgrade my plan?').click();
  await expect(faq.getByText('Checkout opens in your browser')).toBeVisible();
  await shotsAtSizes(page, 'cloud-help-faq');
  await faq.getByRole('searchbox', { name: 'Search the FAQ' }).fill('zebra');
  await expect(faq.getByRole('status')).toContainText('No question matches');

  await page
    .getByRole('navigation', { name: 'Help sections' })
    .getByRole('button', { name: 'Terms of Service' })
    .click();
  const terms = page.getByRole('article', { name: 'Terms of Service' });
  await expect(terms.getByRole('heading', { name: 'MockForge Terms of Service' })).toBeVisible();
  const link = terms.getByRole('link', { name: 'Privacy Policy' });
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', /noopener/);
  await shotsAtSizes(page, 'cloud-help-terms');

  await page
    .getByRole('navigation', { name: 'Help sections' })
    .getByRole('button', { name: 'Contact support' })
    .click();
  const form = page.getByRole('form', { name: 'Support request' });
  await form.getByRole('button', { name: 'Send request' }).click();
  await expect(form.getByText('Give your request a subject.')).toBeVisible();
  await form.getByLabel('Category').selectOption('billing');
  await form.getByLabel('Priority').selectOption('high');
  await form.getByLabel('Subject').fill('Invoice address');
  await form.getByLabel('Message').fill('Please put our VAT number on the invoices.');
  await form.getByRole('button', { name: 'Send request' }).click();
  const ticket = page.getByTestId('support-ticket');
  await expect(ticket).toContainText(/ticket TKT-\d{6}/);
  const id = /TKT-\d{6}/.exec((await ticket.textContent()) ?? '')![0];
  expect(cloud.account.tickets().find((t) => t.ticket_id === id)).toMatchObject({
    category: 'billing',
    priority: 'high',
  });
  await shotsAtSizes(page, 'cloud-help-support');
});

test('service status tells a degraded cloud service apart', async ({ app: page, cloud, account }) => {
  expect(account.email).toContain('@');
  cloud.account.setService('Redis', 'degraded', 'Elevated latency on cache reads');
  try {
    await page.setViewportSize({ width: 1000, height: 650 });
    await openCloudTab(page, 'Status');
    const verdict = page.locator('.status-verdict');
    await expect(verdict).toHaveAttribute('data-verdict', 'degraded');
    await expect(verdict).toContainText('The cloud reports a problem');
    await expect(verdict).toContainText('Redis');
    const services = page.getByRole('region', { name: 'Services' });
    const redis = services.getByRole('listitem').filter({ hasText: 'Redis' });
    await expect(redis).toContainText('degraded');
    await expect(redis).toContainText('Elevated latency on cache reads');
    await expect(
      page.getByRole('region', { name: 'Health checks' }).getByRole('listitem').filter({ hasText: 'redis' }),
    ).toContainText('degraded');
    await shotsAtSizes(page, 'cloud-status-degraded');

    cloud.account.resetServices();
    await page.getByRole('button', { name: 'Check again' }).click();
    await expect(verdict).toHaveAttribute('data-verdict', 'operational');
  } finally {
    cloud.account.resetServices();
  }
});

// Last: deleting the account signs this worker out.
test('your data: export downloads a file without credentials; deletion needs the typed phrase', async ({
  app: page,
  account,
}) => {
  await page.setViewportSize({ width: 1000, height: 650 });
  await openCloudTab(page, 'Your data');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export my data' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^mockforge-export-\d{4}-\d{2}-\d{2}\.json$/);
  const text = readFileSync((await file.path())!, 'utf8');
  const data = JSON.parse(text) as { user_data: { email: string } };
  expect(data.user_data.email).toBe(account.email);
  expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\./); // no JWT
  expect(text).not.toMatch(/mfx_[A-Za-z0-9_-]{20,}/); // no full API token
  await expect(page.getByRole('status').filter({ hasText: 'Export ready' })).toBeVisible();

  const del = page.getByRole('region', { name: 'Delete your data' });
  const button = del.getByRole('button', { name: 'Delete my cloud data' });
  await expect(button).toBeDisabled();
  await del.getByLabel(/Type DELETE MY DATA to confirm/).fill('delete my data');
  await expect(button).toBeDisabled();
  await shotsAtSizes(page, 'cloud-your-data');
  await del.getByLabel(/Type DELETE MY DATA to confirm/).fill('DELETE MY DATA');
  await expect(button).toBeEnabled();
  await button.click();
  await expect(page.getByText('Data deletion initiated')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Cloud' }).getByRole('form', { name: 'Sign in' })).toBeVisible();
});
