import { createProject, ensureServerRunning, shot } from './support/ui';
import { expect, test, uniqueName } from './support/fixtures';

/** Replaces a CodeMirror editor's text in one edit (no auto-closing brackets). */
async function setCode(page: import('@playwright/test').Page, name: string, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name, exact: true });
  await box.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

test('a data bucket, a CRUD route on it, POST then GET over HTTP, the item in the bucket', async ({
  app: page,
  api,
}) => {
  await page.setViewportSize({ width: 1000, height: 650 });
  const baseUrl = await createProject(page, uniqueName('Crud API'));

  // The bucket: invalid JSON is refused as typed, valid JSON saves.
  await page.getByRole('tab', { name: 'Data buckets' }).click();
  await page.getByRole('region', { name: 'Data buckets' }).getByRole('button', { name: 'New bucket' }).click();
  const form = page.getByRole('form', { name: 'New bucket' });
  await form.getByLabel('Name').fill('users');
  await setCode(page, 'Bucket content', '[{"id": 1, "name": "Ada"');
  await expect(form.getByRole('alert')).toContainText('not valid JSON');
  await shot(page, 'buckets-01-invalid-json');
  await setCode(page, 'Bucket content', '[{"id": 1, "name": "Ada"}]');
  await expect(form.getByRole('alert')).toHaveCount(0);
  await form.getByRole('button', { name: 'Create bucket' }).click();
  const editor = page.getByRole('form', { name: 'Bucket users' });
  await expect(editor).toBeVisible();
  await shot(page, 'buckets-02-bucket-editor');

  // The CRUD mock on it.
  await page.getByRole('tab', { name: 'Mocks' }).click();
  await page.getByRole('region', { name: 'Mocks' }).getByRole('button', { name: 'New mock' }).click();
  const mockForm = page.getByRole('form', { name: 'New mock' });
  await mockForm.getByLabel('Route type').selectOption('crud');
  await mockForm.getByLabel('Name').fill('Users');
  await mockForm.getByLabel('Path').fill('/users');
  await mockForm.getByRole('button', { name: 'Create mock' }).click();
  await expect(mockForm.getByText('Choose the data bucket this CRUD route works on')).toBeVisible();
  await mockForm.getByLabel('Data bucket').selectOption('users');
  await mockForm.getByRole('button', { name: 'Create mock' }).click();
  await expect(page.getByRole('button', { name: 'CRUD /users', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'CRUD routes' })).toContainText('CRUD routes on users');
  await shot(page, 'buckets-03-crud-mock');
  await page.getByRole('region', { name: 'CRUD routes' }).scrollIntoViewIfNeeded();
  await shot(page, 'buckets-03c-crud-routes');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'buckets-03b-crud-mock-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Over HTTP: POST, then GET the list and the item.
  await ensureServerRunning(page);
  const created = await fetch(`${baseUrl}/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Grace' }),
  });
  expect(created.status).toBe(201);
  expect(await created.json()).toEqual({ id: 2, name: 'Grace' });
  const list = await fetch(`${baseUrl}/users?sort=name&order=desc`);
  expect(await list.json()).toEqual([
    { id: 2, name: 'Grace' },
    { id: 1, name: 'Ada' },
  ]);
  expect((await (await fetch(`${baseUrl}/users/2`)).json()).name).toBe('Grace');

  // The bucket's current value shows the item; reset brings the content back.
  await page.getByRole('tab', { name: 'Data buckets' }).click();
  await page.getByRole('button', { name: 'Bucket users' }).click();
  const value = page.getByRole('textbox', { name: 'Bucket current value' });
  await expect(value).toContainText('Grace');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'buckets-04-current-value-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByRole('form', { name: 'Bucket users' }).getByRole('button', { name: 'Reset value' }).click();
  await expect(value).not.toContainText('Grace');
  expect(await (await fetch(`${baseUrl}/users`)).json()).toEqual([{ id: 1, name: 'Ada' }]);

  // What the UI saved is what the core holds.
  const projects = await api.invoke('projects.list', {});
  const project = projects.find((p) => baseUrl.endsWith(`/m/${p.slug}`))!;
  const [bucket] = await api.invoke('buckets.list', { projectId: project.id });
  expect(bucket).toMatchObject({ name: 'users', templated: false });
});
