import type { Page } from '@playwright/test';
import type { MockDeckApi } from '../../shared/ipc/contract';
import type { CloudServerHandle } from '../cloud-server';
import { cloudServerFixture } from './support/cloud-server';
import { test as appTest, expect, uniqueName } from './support/fixtures';
import { shotsAtSizes } from './support/cloud-shots';
import { addResponse, createMock, ensureServerRunning, openMockSettings } from './support/ui';

/**
 * The marketplace browser against the contract server's seeded catalog
 * (test/cloud-server/marketplace/seed.ts): browse, filter, page, open payment-flow, read and
 * write reviews, install it and call the new project's mocks; install a plugin and run it
 * in a project; publish a local project and find it in search.
 */
const test = appTest.extend<object, { cloud: CloudServerHandle; account: { email: string } }>({
  cloud: cloudServerFixture({ rateLimitPerMinute: 100_000 }),
  // One signed-in account per worker (a personal org on the free plan: one published item per kind).
  account: [
    async ({ api, cloud }, use) => {
      const tag = Date.now().toString(36);
      const user = { username: `market${tag}`, email: `market${tag}@example.com`, password: 'correct horse battery' };
      await api.invoke('cloud.setBaseUrl', { url: cloud.url });
      await api.invoke('auth.register', user);
      await use({ email: user.email });
    },
    { scope: 'worker' },
  ],
});

async function openMarket(page: Page, tab: string): Promise<void> {
  const market = page.getByRole('region', { name: 'Marketplace' });
  if (!(await market.isVisible())) await page.getByRole('button', { name: 'Marketplace', exact: true }).click();
  await expect(market).toBeVisible();
  await market.getByRole('tab', { name: tab }).click();
}

async function openNewProject(page: Page, api: MockDeckApi, name: string): Promise<{ id: string }> {
  const project = await api.invoke('projects.create', { name });
  await page
    .getByRole('navigation', { name: 'Projects' })
    .getByRole('button', { name: new RegExp(name) })
    .click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  return project;
}

const results = (page: Page, kind = 'Scenarios') => page.getByRole('list', { name: `${kind} found` });

test('browse, filter and page scenarios; read and write reviews of payment-flow; install it and call its mocks', async ({
  app: page,
  account,
  api,
}) => {
  expect(account.email).toContain('@');
  await openMarket(page, 'Scenarios');
  // The seeded catalog has more scenarios than one page holds (payment-flow, petstore, the hostile ones…).
  await expect(results(page).getByRole('button', { name: /^payment-flow:/ })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Result pages' })).toContainText('Page 1 of');
  await shotsAtSizes(page, 'marketplace-search');
  await page.getByRole('navigation', { name: 'Result pages' }).getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('navigation', { name: 'Result pages' })).toContainText('Page 2 of');

  // A category narrows to one; a tag to another; the search box to a name.
  const search = page.getByRole('search', { name: 'Search scenarios' });
  await search.getByLabel('Category').selectOption('ecommerce');
  await expect(results(page).getByRole('listitem')).toHaveCount(1);
  await expect(results(page).getByRole('button', { name: /^payment-flow:/ })).toBeVisible();
  await search.getByLabel('Category').selectOption('');
  await search.getByLabel('Tags').fill('openapi');
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(results(page).getByRole('listitem')).toHaveCount(1);
  await expect(results(page).getByRole('button', { name: /^petstore-openapi:/ })).toBeVisible();
  await search.getByLabel('Tags').fill('');
  await search.getByLabel('Search', { exact: true }).fill('payment');
  await search.getByRole('button', { name: 'Search' }).click();
  await search.getByLabel('Sort this page').selectOption('downloads');
  await results(page)
    .getByRole('button', { name: /^payment-flow:/ })
    .click();

  // Details: author, license, versions with the yanked one marked, and the latest that is not yanked.
  const item = page.getByRole('article', { name: 'scenario payment-flow' });
  await expect(item.getByRole('heading', { name: /payment-flow/ })).toContainText('v1.1.0');
  await expect(item).toContainText('johndoe');
  await expect(item).toContainText('MIT');
  const versions = item.getByRole('region', { name: 'Versions' });
  await expect(versions.getByRole('row', { name: /2\.0\.0/ })).toContainText('yanked');
  await expect(versions.getByRole('row', { name: /1\.1\.0/ })).toContainText('latest');

  await shotsAtSizes(page, 'marketplace-detail', item.getByRole('heading', { name: /payment-flow/ }));

  // Reviews page by ten.
  const reviews = item.getByRole('region', { name: 'Reviews' });
  await expect(reviews.getByRole('heading', { name: 'Reviews (25)' })).toBeVisible();
  await expect(reviews.getByRole('listitem')).toHaveCount(10);
  await reviews.getByRole('navigation', { name: 'Review pages' }).getByRole('button', { name: 'Next' }).click();
  await expect(reviews.getByRole('navigation', { name: 'Review pages' })).toContainText('Page 2 of 3');
  await expect(reviews.getByText('Review number 10: works for my checkout tests.')).toBeVisible();

  // A review is checked before it is sent, then posted.
  const form = reviews.getByRole('form', { name: 'Write a review' });
  await form.getByLabel('Comment').fill('too short');
  await form.getByRole('button', { name: 'Post review' }).click();
  await expect(form.getByText('Choose a rating from 1 to 5 stars')).toBeVisible();
  await expect(form.getByText('Write at least 10 characters (9 so far)')).toBeVisible();
  expect((await api.invoke('market.reviews', { kind: 'scenarios', name: 'payment-flow' })).total).toBe(25);
  await form.getByLabel('4 stars').check();
  await form.getByLabel('Comment').fill('Covers our whole checkout flow nicely.');
  await form.getByRole('button', { name: 'Post review' }).click();
  await expect(reviews.getByRole('heading', { name: 'Reviews (26)' })).toBeVisible();
  await expect(reviews.getByText('Covers our whole checkout flow nicely.')).toBeVisible();
  await shotsAtSizes(page, 'marketplace-reviews', item.getByRole('region', { name: 'Reviews' }));

  // Install: the latest version that is not yanked becomes a new project with working mocks.
  await item.getByRole('button', { name: 'Install 1.1.0' }).click();
  const done = item.getByRole('status', { name: 'Installed' });
  await expect(done).toContainText('Installed scenario payment-flow 1.1.0');
  await expect(done).toContainText('with 3 mocks');
  await shotsAtSizes(page, 'marketplace-installed-result');
  await done.getByRole('button', { name: 'Open project' }).click();
  await expect(page.getByRole('region', { name: 'Marketplace' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'payment-flow' })).toBeVisible();
  await ensureServerRunning(page);
  const base = (await page.getByTestId('project-base-url').textContent()) ?? '';
  const res = await fetch(`${base}/payments`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual([{ id: 'pay_1', amount: 4200, currency: 'EUR', status: 'captured' }]);

  // An older install shows that a newer version exists.
  await api.invoke('market.install', { kind: 'scenarios', name: 'payment-flow', version: '1.0.0' });
  await openMarket(page, 'Installed');
  const installed = page.getByRole('table');
  const row = (v: string) =>
    installed
      .getByRole('row')
      .filter({ hasText: 'payment-flow' })
      .filter({ has: page.getByText(v, { exact: true }) });
  await expect(row('1.0.0')).toContainText('update available: 1.1.0');
  // One record per item: the older install replaced the newer one's.
  await expect(row('1.1.0')).toHaveCount(0);
  await shotsAtSizes(page, 'marketplace-installed');
});

test('install a plugin and run it for one project, in order, from its Plugins tab', async ({
  app: page,
  api,
  account,
}) => {
  expect(account.email).toContain('@');
  await openMarket(page, 'Plugins');
  await results(page, 'Plugins')
    .getByRole('button', { name: /^http-auth:/ })
    .click();
  const item = page.getByRole('article', { name: 'plugin http-auth' });
  await item.getByRole('button', { name: /^Install / }).click();
  await expect(item.getByRole('status', { name: 'Installed' })).toContainText('Installed plugin http-auth');

  const name = uniqueName('Guarded');
  const project = await openNewProject(page, api, name);
  await createMock(page, { name: 'me', path: '/me' });
  await addResponse(page, { name: 'Me', body: '{"id": 1}' });
  // The mock's own chain sits in its editor, empty until chosen.
  await openMockSettings(page);
  const own = page.getByRole('region', { name: "This mock's plugins" });
  await expect(own.getByText('No plugins')).toBeVisible();
  await shotsAtSizes(page, 'marketplace-mock-plugins', own);
  await page.getByRole('tab', { name: 'Plugins' }).click();
  const chain = page.getByRole('region', { name: 'Plugins this project runs' });
  await chain.getByLabel('Plugin to add to plugins this project runs').selectOption('http-auth');
  await chain.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(chain.getByRole('listitem')).toHaveCount(1);
  expect(await api.invoke('plugins.bindings', { projectId: project.id, mockId: null })).toEqual({
    plugins: ['http-auth'],
  });
  await shotsAtSizes(page, 'marketplace-project-plugins');

  await ensureServerRunning(page);
  const base = (await page.getByTestId('project-base-url').textContent()) ?? '';
  expect((await fetch(`${base}/me`)).status).toBe(401); // the plugin answers for requests without Authorization
  expect((await fetch(`${base}/me`, { headers: { authorization: 'Bearer x' } })).status).toBe(200);

  await chain.getByRole('button', { name: 'Stop running http-auth' }).click();
  await expect(chain.getByText('No plugins')).toBeVisible();
  expect((await fetch(`${base}/me`)).status).toBe(200);

  // Uninstalling says what still runs it; what does answers PLUGIN_ERROR until it is taken out.
  await chain.getByLabel('Plugin to add to plugins this project runs').selectOption('http-auth');
  await chain.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(chain.getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: 'Uninstall http-auth' }).click();
  const confirm = page.getByRole('dialog', { name: 'Uninstall http-auth?' });
  await expect(confirm).toContainText('1 project or mock runs it');
  await confirm.getByRole('button', { name: 'Uninstall' }).click();
  await expect(page.getByRole('region', { name: 'Installed plugins' })).toContainText('None installed yet');
  await expect(chain.getByText('not installed')).toBeVisible();
  const broken = await fetch(`${base}/me`);
  expect(broken.status).toBe(500);
  expect(((await broken.json()) as { error: string }).error).toBe('PLUGIN_ERROR');
  expect(await api.invoke('plugins.list', {})).toEqual([]);
});

test('publish a local project as a scenario after previewing it, then find it in search', async ({
  app: page,
  account,
  api,
}) => {
  expect(account.email).toContain('@');
  const name = uniqueName('Orders');
  await openNewProject(page, api, name);
  await createMock(page, { name: 'list orders', path: '/orders' });
  await page.getByRole('button', { name: 'Publish…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish to the marketplace' });
  const slug = await dialog.getByLabel('Name').inputValue();
  await dialog.getByLabel('Version').fill('1');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByText('Version must be a semantic version such as "1.0.0"')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Publish', exact: true })).toBeDisabled();
  await dialog.getByLabel('Version').fill('1.0.0');
  await dialog.getByLabel('Category').fill('ecommerce');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  const preview = dialog.getByRole('region', { name: 'What will be sent' });
  await expect(preview).toContainText(`scenario ${slug} 1.0.0 · 1 mock`);
  await preview.getByText(/^project\.json/).click();
  await expect(preview.getByTestId('publish-project-json')).toContainText('"/orders"');
  await shotsAtSizes(page, 'marketplace-publish-preview');
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText(`Published scenario ${slug} 1.0.0`);
  await dialog.getByRole('button', { name: 'Show in the marketplace' }).click();
  await expect(page.getByRole('article', { name: `scenario ${slug}` })).toBeVisible();

  await openMarket(page, 'Scenarios');
  const search = page.getByRole('search', { name: 'Search scenarios' });
  await search.getByLabel('Search', { exact: true }).fill(slug);
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(results(page).getByRole('button', { name: new RegExp(`^${slug}:`) })).toBeVisible();

  // The same version again is a 409, explained at the Version field.
  await page
    .getByRole('navigation', { name: 'Projects' })
    .getByRole('button', { name: new RegExp(name) })
    .click();
  await page.getByRole('button', { name: 'Publish…' }).click();
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(preview).toBeVisible();
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(dialog.getByText(/already has scenario/)).toBeVisible();
  await expect(dialog.getByText(/give a higher version/)).toBeVisible();
  await shotsAtSizes(page, 'marketplace-publish-conflict');
});
