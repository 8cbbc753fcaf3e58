import { createServer, type Server } from 'node:net';
import { expect, test, uniqueName } from './support/fixtures';
import { setBody, shot } from './support/ui';

/** Every form refuses bad input with a readable message next to the field and saves nothing. */

test('a project without a name is refused, and a taken slug keeps the form as typed', async ({ app: page, api }) => {
  const before = (await api.invoke('projects.list', {})).length;
  await page.getByRole('navigation', { name: 'Projects' }).getByRole('button', { name: 'New project' }).click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await dialog.getByLabel('Description').fill('Orders for the checkout team');
  await dialog.getByRole('button', { name: 'Create project' }).click();
  await expect(dialog.getByText('Name is required')).toBeVisible();
  await expect(dialog.getByLabel('Project name')).toHaveAttribute('aria-invalid', 'true');
  await shot(page, '07-error-project-without-name');
  expect((await api.invoke('projects.list', {})).length).toBe(before);

  // The core's own refusal (a slug already taken) arrives as a message; nothing typed is lost.
  const taken = await api.invoke('projects.create', { name: uniqueName('Taken') });
  await dialog.getByLabel('Project name').fill('Orders');
  await dialog.getByLabel('Slug').fill(taken.slug);
  await dialog.getByRole('button', { name: 'Create project' }).click();
  await expect(dialog.getByRole('alert').first()).toContainText(/slug|taken|exists|use/i);
  await expect(dialog.getByLabel('Project name')).toHaveValue('Orders');
  await expect(dialog.getByLabel('Description')).toHaveValue('Orders for the checkout team');
  expect((await api.invoke('projects.list', {})).length).toBe(before + 1);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('a mock with a bad path is flagged as typed and not created', async ({ app: page, api }) => {
  const project = await api.invoke('projects.create', { name: uniqueName('Paths') });
  await page.reload();
  await page
    .getByRole('navigation', { name: 'Projects' })
    .getByRole('button', { name: new RegExp(project.name) })
    .click();
  await page.getByRole('region', { name: 'Mocks' }).getByRole('button', { name: 'New mock' }).click();
  const form = page.getByRole('form', { name: 'New mock' });
  await form.getByLabel('Name').fill('Broken');
  await form.getByLabel('Path').fill('users/{id}');
  await expect(form.getByText('Path must start with "/", e.g. /users/{id}')).toBeVisible();
  await form.getByLabel('Path').fill('/users/{id');
  await expect(form.getByText(/mixes text and braces/)).toBeVisible();
  await form.getByRole('button', { name: 'Create mock' }).click();
  await expect(form.getByLabel('Path')).toHaveValue('/users/{id');
  expect(await api.invoke('mocks.list', { projectId: project.id })).toEqual([]);
});

test('a response with a bad status, invalid JSON or a bad regex is not saved', async ({ app: page, api }) => {
  const project = await api.invoke('projects.create', { name: uniqueName('Responses') });
  const mock = await api.invoke('mocks.create', {
    projectId: project.id,
    mock: { name: 'List', method: 'GET', path: '/items' },
  });
  await page.reload();
  await page
    .getByRole('navigation', { name: 'Projects' })
    .getByRole('button', { name: new RegExp(project.name) })
    .click();
  await page.getByRole('region', { name: 'Mocks' }).getByRole('button', { name: 'GET /items' }).click();
  await page.getByRole('region', { name: 'Responses' }).getByRole('button', { name: 'Add response' }).first().click();
  const form = page.getByRole('form', { name: 'New response' });

  await form.getByLabel('Status').fill('99');
  await expect(form.getByText('Status must be a whole number between 100 and 599, e.g. 200 or 404')).toBeVisible();
  await form.getByLabel('Status').fill('404');
  await expect(form.getByLabel('Status')).toHaveAccessibleDescription('404 Not Found');

  await setBody(page, '{"items": [1, 2,');
  await expect(form.getByText(/^Body is not valid JSON/)).toBeVisible();

  await form.getByRole('button', { name: 'Add condition' }).click();
  await form.getByLabel('Condition 1 field').fill('q');
  await form.getByLabel('Condition 1 source').selectOption('query');
  await form.getByLabel('Condition 1 operator').selectOption('regex');
  await form.getByLabel('Condition 1 value').fill('([a-z');
  // Checked when the cell is left, not while typing (docs/ui.md).
  await expect(form.getByText(/^Invalid regex/)).toHaveCount(0);
  await form.getByLabel('Condition 1 value').blur();
  await expect(form.getByText(/^Invalid regex/)).toBeVisible();
  await form.getByRole('button', { name: 'Create response' }).click();
  await shot(page, '06-error-response-form');
  expect((await api.invoke('mocks.get', { id: mock.id })).responses).toEqual([]);

  // exists needs no value: the value box goes away.
  await form.getByLabel('Condition 1 operator').selectOption('exists');
  await expect(form.getByLabel('Condition 1 value')).toHaveCount(0);
  await expect(form.getByText(/^Invalid regex/)).toHaveCount(0);
});

test('a port in use is shown with its fix, and the server starts again on a free port', async ({
  app: page,
  harness,
}) => {
  const original = Number(new URL(harness.serverUrl).port);
  const blocker: Server = createServer();
  const busyPort = await new Promise<number>((resolve) =>
    blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)),
  );
  try {
    await page.getByRole('button', { name: 'Stop server' }).click();
    await expect(page.getByTestId('server-state')).toHaveText('Stopped');
    await page.getByLabel('Server port').fill(String(busyPort));
    await page.getByRole('button', { name: 'Start server' }).click();
    const panel = page.getByRole('region', { name: 'Mock server' });
    await expect(panel.getByRole('alert')).toContainText(`Port ${busyPort} is in use`);
    await expect(panel.getByRole('alert')).toContainText('Stop the other program or choose another port');
    await shot(page, '08-error-port-in-use');
  } finally {
    await page.getByLabel('Server port').fill(String(original));
    await page.getByRole('button', { name: 'Start server' }).click();
    await expect(page.getByTestId('server-state')).toHaveText('Running');
    blocker.close();
  }
});
