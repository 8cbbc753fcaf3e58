import { expect, test, uniqueName } from './support/fixtures';

test('search, rename, describe, duplicate a project and copy its base URL', async ({ app: page, api }) => {
  const tag = uniqueName('Billing');
  const billing = await api.invoke('projects.create', { name: tag });
  await api.invoke('projects.create', { name: uniqueName('Shipping') });
  await page.reload();
  const sidebar = page.getByRole('navigation', { name: 'Projects' });

  await sidebar.getByLabel('Search projects').fill(tag);
  await expect(sidebar.getByRole('listitem')).toHaveCount(1);
  await sidebar.getByRole('button', { name: new RegExp(tag) }).click();

  await page.getByRole('button', { name: 'Edit project' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit project' });
  await dialog.getByLabel('Project name').fill(`${tag} v2`);
  await dialog.getByLabel('Description').fill('Invoices and refunds');
  await dialog.getByRole('button', { name: 'Save project' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${tag} v2` })).toBeVisible();
  await expect(page.getByText('Invoices and refunds')).toBeVisible();
  expect((await api.invoke('projects.get', { id: billing.id })).description).toBe('Invoices and refunds');

  await page.getByRole('button', { name: 'Copy base URL' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`/m/${billing.slug}$`));

  await page.getByRole('button', { name: 'Duplicate project' }).click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(`${tag} v2`);
  const copies = (await api.invoke('projects.list', { search: tag })).filter((p) => p.id !== billing.id);
  expect(copies).toHaveLength(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(copies[0]!.name);
});

test('responses reorder with the move buttons', async ({ app: page, api }) => {
  const project = await api.invoke('projects.create', { name: uniqueName('Order') });
  const mock = await api.invoke('mocks.create', {
    projectId: project.id,
    mock: { name: 'Pay', method: 'POST', path: '/pay' },
  });
  const first = await api.invoke('responses.create', { mockId: mock.id, response: { name: 'Paid', statusCode: 201 } });
  const second = await api.invoke('responses.create', {
    mockId: mock.id,
    response: { name: 'Declined', statusCode: 402 },
  });
  await page.reload();
  await page
    .getByRole('navigation', { name: 'Projects' })
    .getByRole('button', { name: new RegExp(project.name) })
    .click();
  await page.getByRole('region', { name: 'Mocks' }).getByRole('button', { name: 'POST /pay' }).click();
  const responses = page.getByRole('region', { name: 'Responses' });
  await expect(responses.getByRole('button', { name: /^Response Declined, 402 Payment Required/ })).toBeVisible();
  await responses.getByRole('button', { name: 'Move Declined up' }).click();
  await expect
    .poll(async () => (await api.invoke('responses.list', { mockId: mock.id })).map((r) => r.id))
    .toEqual([second.id, first.id]);
  await expect(responses.getByRole('listitem').first()).toContainText('Declined');
});
