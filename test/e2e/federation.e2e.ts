import { ensureServerRunning, shot } from './support/ui';
import { expect, test, uniqueName } from './support/fixtures';

test('a federation of two projects: build it, see its map, graph and routes, call through it', async ({
  app: page,
  api,
}) => {
  // Two projects with a mock each (arranged through the API; the federation is built in the UI).
  const usersName = uniqueName('Users');
  const ordersName = uniqueName('Orders');
  const users = await api.invoke('projects.create', { name: usersName });
  const orders = await api.invoke('projects.create', { name: ordersName });
  const me = await api.invoke('mocks.create', {
    projectId: users.id,
    mock: { name: 'me', method: 'GET', path: '/me' },
  });
  await api.invoke('responses.create', { mockId: me.id, response: { statusCode: 200, body: '{"user":"ada"}' } });
  const list = await api.invoke('mocks.create', {
    projectId: orders.id,
    mock: { name: 'list', method: 'GET', path: '/' },
  });
  await api.invoke('responses.create', { mockId: list.id, response: { statusCode: 200, body: '[{"order":1}]' } });

  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByRole('button', { name: 'Federations' }).click();
  await page.getByRole('button', { name: 'New federation' }).first().click();
  const form = page.getByRole('form', { name: 'Federation definition' });
  const fedName = `shop-${Date.now().toString(36)}`;
  await form.getByLabel('Name').fill(fedName);
  await form.getByLabel('Description').fill('Users and orders under one URL');

  await form.getByRole('button', { name: 'Add service' }).click();
  await form.getByLabel('Service 1 name').fill('users');
  await form.getByLabel('Service 1 project').selectOption({ label: usersName });
  await form.getByLabel('Service 1 base path').fill('/users');
  await form.getByRole('button', { name: 'Add service' }).click();
  await form.getByLabel('Service 2 name').fill('orders');
  await form.getByLabel('Service 2 project').selectOption({ label: ordersName });
  await form.getByLabel('Service 2 base path').fill('/users');
  await form.getByLabel('Service 2 reality level').selectOption('blended');
  await form.getByLabel('Service 2 dependencies').fill('users');

  // Two services on one base path are refused before anything is sent, naming both.
  await form.getByRole('button', { name: 'Create federation' }).click();
  await expect(form.getByText(/services "users" and "orders" overlap: both have base_path "\/users"/)).toBeVisible();
  await form.getByLabel('Service 2 base path').fill('/users/orders');

  // A cycle too.
  await form.getByLabel('Service 1 dependencies').fill('orders');
  await expect(form.getByText(/dependency cycle: users → orders → users/)).toBeVisible();
  await form.getByLabel('Service 1 dependencies').fill('');

  // The map, the graph and the route tester follow the edit.
  await expect(page.getByRole('list', { name: 'Base-path map' }).getByRole('listitem')).toHaveCount(2);
  await expect(page.getByRole('img', { name: 'Dependency graph: orders depends on users' })).toBeVisible();
  await page.getByLabel('Path to route').fill('/users/orders/42');
  await expect(page.getByTestId('route-service')).toHaveText('orders');
  await expect(page.getByTestId('route-level')).toHaveText('blended');
  await expect(page.getByTestId('route-service-path')).toHaveText('/42');
  await page.getByLabel('Path to route').fill('/users/me');
  await expect(page.getByTestId('route-service')).toHaveText('users');

  await form.getByRole('button', { name: 'Create federation' }).click();
  await expect(
    page.getByRole('navigation', { name: 'Federations' }).getByRole('button', { name: new RegExp(fedName) }),
  ).toBeVisible();
  await expect(form.getByRole('button', { name: 'Save federation' })).toBeDisabled();
  await shot(page, 'federation-01-editor-1920x1080');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'federation-02-editor-1920x1080-dark');

  // Calling through it: the longest base path picks the service, each project answers.
  await ensureServerRunning(page);
  const { url } = await api.invoke('server.status', undefined);
  const meRes = await fetch(`${url}/f/${fedName}/users/me`);
  expect(meRes.status).toBe(200);
  expect(await meRes.json()).toEqual({ user: 'ada' });
  const ordersRes = await fetch(`${url}/f/${fedName}/users/orders`);
  expect(await ordersRes.json()).toEqual([{ order: 1 }]);
  const stored = await api.invoke('federation.list', { limit: 100 });
  expect(stored.find((f) => f.name === fedName)?.services.map((s) => [s.name, s.base_path, s.reality_level])).toEqual([
    ['users', '/users', 'mock_v3'],
    ['orders', '/users/orders', 'blended'],
  ]);

  await page.setViewportSize({ width: 1000, height: 650 });
  await shot(page, 'federation-03-editor-1000x650-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await shot(page, 'federation-04-editor-1000x650');

  // The project's request log names the federation and the service.
  await page
    .getByRole('navigation', { name: 'Projects' })
    .getByRole('button', { name: new RegExp(usersName) })
    .click();
  await page.getByRole('tab', { name: 'Request log' }).click();
  const row = page.getByRole('listbox', { name: 'Request log' }).getByRole('option').filter({ hasText: '/me' });
  await expect(row.getByTestId('log-federation')).toHaveText(`⇄ ${fedName}/users`);
  await row.click();
  await expect(page.getByTestId('federation-detail')).toHaveText(
    `Through federation ${fedName}: service users at reality level mock_v3`,
  );
  await shot(page, 'federation-05-log-1000x650');
});
