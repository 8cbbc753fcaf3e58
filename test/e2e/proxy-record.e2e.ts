import { startUpstream, type Upstream } from '../integration/proxy/upstream';
import { expect, test, uniqueName } from './support/fixtures';
import { createProject, ensureServerRunning, shot } from './support/ui';

let up: Upstream | null = null;
test.afterEach(async () => {
  await up?.stop();
  up = null;
});

test('record from an upstream, stop it, and the recorded mocks answer', async ({ app: page }) => {
  up = await startUpstream();
  const name = uniqueName('Recorded API');
  const base = await createProject(page, name);
  await ensureServerRunning(page);

  await page.getByRole('tab', { name: 'Proxy' }).click();
  const form = page.getByRole('form', { name: 'Proxy settings' });
  await form.getByLabel('Upstream URL').fill(up.url);
  await form.getByRole('button', { name: 'Record' }).click();
  await expect(page.getByText('● Recording')).toBeVisible();
  await expect(form.getByRole('radio', { name: 'Record', exact: true })).toBeChecked();

  // A client calls the project's URL: what no mock matches goes upstream and is recorded.
  for (const p of ['/users/1', '/users/2', '/orders?page=2']) {
    const res = await fetch(`${base}${p}`);
    expect(res.status, p).toBeLessThan(300);
    await res.text();
  }
  // The count follows the catalog's change events, without a reload.
  await expect(page.getByTestId('recorded-count')).toHaveText('3');
  const recorded = page.getByRole('list', { name: 'Recorded mocks' });
  await expect(recorded.getByText('/users/1')).toBeVisible();
  await expect(recorded.getByText('/orders')).toBeVisible();
  await shot(page, 'proxy-01-recording');

  await page.getByRole('button', { name: 'Stop recording' }).click();
  await expect(form.getByRole('radio', { name: 'Passthrough', exact: true })).toBeChecked();

  // The upstream goes away; the recorded mocks still answer what it answered.
  await up.stop();
  up = null;
  const user = await fetch(`${base}/users/2`);
  expect(user.status).toBe(200);
  expect(await user.json()).toEqual({ path: '/users/2', auth: null, cookie: null });
  const gone = await fetch(`${base}/never-recorded`);
  expect(gone.status).toBe(502);

  await page.getByRole('tab', { name: 'Mocks' }).click();
  await expect(page.getByRole('button', { name: 'GET /users/1', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'GET /orders', exact: true })).toBeVisible();

  await page.getByRole('tab', { name: 'Request log' }).click();
  await expect(page.getByTestId('log-proxied').first()).toBeVisible();
  await page.getByRole('option').filter({ hasText: '/never-recorded' }).first().click();
  await expect(page.getByTestId('proxied-detail')).toContainText('UPSTREAM_UNAVAILABLE');
  await shot(page, 'proxy-02-log');

  // Small and dark: still usable.
  await page.setViewportSize({ width: 1000, height: 650 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'proxy-03-log-small-dark');
  await page.getByRole('tab', { name: 'Proxy' }).click();
  await expect(page.getByTestId('recorded-count')).toHaveText('3');
  await shot(page, 'proxy-04-settings-small-dark');
  await page.emulateMedia({ colorScheme: 'light' });
});
