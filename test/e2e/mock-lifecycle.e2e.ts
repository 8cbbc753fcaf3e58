import {
  addResponse,
  createMock,
  createProject,
  ensureServerRunning,
  openMockSettings,
  setBody,
  shot,
} from './support/ui';
import { expect, test, uniqueName } from './support/fixtures';

test('project → mock with a path param → conditional responses → live log → edit → delete', async ({
  app: page,
  api,
}) => {
  const name = uniqueName('Users API');
  const baseUrl = await createProject(page, name);
  expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/m\/users-api-/);
  await shot(page, '01-project-empty');

  await createMock(page, { name: 'Get user', path: '/users/{id}' });
  await addResponse(page, { name: 'Regular user', body: '{"id": 42, "role": "user"}' });
  await addResponse(page, {
    name: 'Admin',
    body: '{"id": 42, "role": "admin"}',
    condition: { type: 'header', field: 'x-role', operator: 'equals', value: 'admin' },
  });
  await expect(page.getByRole('region', { name: 'Responses' }).getByText('1 condition')).toBeVisible();
  await shot(page, '03-response-editor-with-condition');
  await page.emulateMedia({ colorScheme: 'dark' }); // the app follows the OS theme
  await shot(page, '03b-response-editor-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await openMockSettings(page);
  await page.getByRole('form', { name: 'Mock GET /users/{id}' }).getByLabel('Path').scrollIntoViewIfNeeded();
  await shot(page, '02-mock-editor');

  await ensureServerRunning(page);
  const plain = await fetch(`${baseUrl}/users/42`);
  expect(plain.status).toBe(200);
  expect(await plain.json()).toEqual({ id: 42, role: 'user' });
  const admin = await fetch(`${baseUrl}/users/42`, { headers: { 'x-role': 'admin' } });
  expect(await admin.json()).toEqual({ id: 42, role: 'admin' });

  // Both requests show up live, each with the response that answered it.
  await page.getByRole('tab', { name: 'Request log' }).click();
  const log = page.getByRole('listbox', { name: 'Request log' });
  const adminRow = log.getByRole('option').filter({ hasText: 'Get user → Admin' });
  const userRow = log.getByRole('option').filter({ hasText: 'Get user → Regular user' });
  await expect(adminRow).toHaveCount(1);
  await expect(userRow).toHaveCount(1);
  await userRow.click();
  const detail = page.getByRole('article', { name: 'Request detail' });
  await expect(detail.getByTestId('matched-response')).toHaveText('Regular user');
  await expect(detail.getByRole('list', { name: 'Responses not chosen' })).toContainText(
    'Admin not chosen: header x-role equals "admin" failed',
  );
  await shot(page, '04-log-viewer-detail');

  // A request made while the viewer is open appears within a second.
  const started = Date.now();
  await fetch(`${baseUrl}/users/7?tab=profile`, { headers: { 'x-role': 'admin' } });
  await expect(log.getByRole('option').filter({ hasText: '/users/7' })).toHaveCount(1, { timeout: 2000 });
  expect(Date.now() - started).toBeLessThan(1500);

  // Copy as curl gives a command that replays the request.
  await log.getByRole('option').filter({ hasText: '/users/7' }).click();
  await detail.getByRole('button', { name: 'Copy as curl' }).click();
  const curl = await page.evaluate(() => navigator.clipboard.readText());
  expect(curl).toContain(`${baseUrl}/users/7?tab=profile`);
  expect(curl).toContain("-H 'x-role: admin'");

  // A binary upload is logged as base64 of its bytes, and the detail says so.
  const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
  await fetch(`${baseUrl}/users/9`, { method: 'PUT', body: bytes });
  await log.getByRole('option').filter({ hasText: '/users/9' }).click();
  await expect(detail.getByText('binary, 256 bytes, shown as base64')).toBeVisible();
  await expect(detail.getByLabel('Request body', { exact: true })).toHaveText(Buffer.from(bytes).toString('base64'));

  // Edit the fallback response: the next request gets the new body.
  await page.getByRole('tab', { name: 'Mocks' }).click();
  await page.getByRole('region', { name: 'Mocks' }).getByRole('button', { name: 'GET /users/{id}' }).click();
  await page
    .getByRole('region', { name: 'Responses' })
    .getByRole('button', { name: /^Response Regular user/ })
    .click();
  const editor = page.getByRole('form', { name: 'Response Regular user' });
  await setBody(page, '{"id": 42, "role": "guest"}');
  await editor.getByRole('button', { name: 'Save response' }).click();
  await expect(editor.getByRole('button', { name: 'Save response' })).toBeDisabled();
  const edited = await fetch(`${baseUrl}/users/42`);
  expect(await edited.json()).toEqual({ id: 42, role: 'guest' });

  await page.getByRole('tab', { name: 'Stats' }).click();
  await expect(page.getByTestId('stats-total')).toHaveText('5');
  await shot(page, '05-stats');

  // Delete the project: it, its mocks and its URL are gone.
  const project = (await api.invoke('projects.list', {})).find((p) => p.name === name);
  expect(project).toBeDefined();
  await page.getByRole('button', { name: 'Delete project' }).click();
  await page.getByRole('dialog', { name: 'Delete project?' }).getByRole('button', { name: 'Delete project' }).click();
  await expect(
    page.getByRole('navigation', { name: 'Projects' }).getByRole('button', { name: new RegExp(name) }),
  ).toHaveCount(0);
  expect((await api.invoke('projects.list', {})).some((p) => p.id === project!.id)).toBe(false);
  await expect(api.invoke('mocks.list', { projectId: project!.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  const gone = await fetch(`${baseUrl}/users/42`);
  expect(gone.status).toBe(404);
  expect(await gone.json()).toMatchObject({ error: 'PROJECT_NOT_FOUND' });
});
