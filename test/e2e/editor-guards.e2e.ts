import { expect, test, uniqueName } from './support/fixtures';
import { shot } from './support/ui';

async function openSeededProject(
  page: import('@playwright/test').Page,
  api: import('../../shared/ipc/contract').MockDeckApi,
) {
  const project = await api.invoke('projects.create', { name: uniqueName('Guards') });
  const a = await api.invoke('mocks.create', {
    projectId: project.id,
    mock: { name: 'List orders', method: 'GET', path: '/orders' },
  });
  await api.invoke('mocks.create', {
    projectId: project.id,
    mock: { name: 'Create order', method: 'POST', path: '/orders' },
  });
  await page.reload();
  await page
    .getByRole('navigation', { name: 'Projects' })
    .getByRole('button', { name: new RegExp(project.name) })
    .click();
  return { project, a };
}

test('leaving a dirty editor asks first; staying keeps the edit, discarding drops it', async ({ app: page, api }) => {
  const { a } = await openSeededProject(page, api);
  const mocks = page.getByRole('region', { name: 'Mocks' });
  await mocks.getByRole('button', { name: 'GET /orders' }).click();
  const form = page.getByRole('form', { name: 'Mock GET /orders' });
  await form.getByLabel('Name').fill('List all orders');

  await mocks.getByRole('button', { name: 'POST /orders' }).click();
  const ask = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
  await expect(ask).toBeVisible();
  await shot(page, '11-unsaved-changes-guard');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(form.getByLabel('Name')).toHaveValue('List all orders');

  await page.getByRole('tab', { name: 'Stats' }).click();
  await page
    .getByRole('dialog', { name: 'Discard unsaved changes?' })
    .getByRole('button', { name: 'Discard changes' })
    .click();
  await expect(page.getByRole('table', { name: 'Requests per mock' })).toBeVisible();
  expect((await api.invoke('mocks.get', { id: a.id })).name).toBe('List orders');
});

test('Ctrl+S saves, Ctrl+N starts a mock, Ctrl+K opens the palette, / searches', async ({ app: page, api }) => {
  const { a } = await openSeededProject(page, api);
  await page.getByRole('region', { name: 'Mocks' }).getByRole('button', { name: 'GET /orders' }).click();
  const form = page.getByRole('form', { name: 'Mock GET /orders' });
  await form.getByLabel('Delay (ms)').fill('250');
  await page.keyboard.press('ControlOrMeta+s');
  await expect(form.getByRole('button', { name: 'Save mock' })).toBeDisabled();
  expect((await api.invoke('mocks.get', { id: a.id })).responseDelay).toBe(250);

  await page.keyboard.press('ControlOrMeta+n');
  await expect(page.getByRole('form', { name: 'New mock' })).toBeVisible();

  await page.getByRole('form', { name: 'New mock' }).getByLabel('Name').click();
  await page.keyboard.press('ControlOrMeta+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByLabel('Command').fill('post orders');
  await expect(palette.getByRole('option').first()).toContainText('POST /orders');
  await shot(page, '12-command-palette');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('form', { name: 'Mock POST /orders' })).toBeVisible();

  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('/');
  await expect(page.getByLabel('Search projects')).toBeFocused();
});

test('duplicating a mock and toggling it off are one click each', async ({ app: page, api }) => {
  const { project } = await openSeededProject(page, api);
  const mocks = page.getByRole('region', { name: 'Mocks' });
  await mocks.getByRole('button', { name: 'GET /orders' }).click();
  await page.getByRole('button', { name: 'Duplicate mock' }).click();
  await expect(mocks.getByRole('button', { name: 'GET /orders' })).toHaveCount(2);
  await mocks.getByRole('switch', { name: 'Active POST /orders' }).click();
  await expect
    .poll(
      async () =>
        (await api.invoke('mocks.list', { projectId: project.id })).find((m) => m.method === 'POST')?.isActive,
    )
    .toBe(false);
});
