import { addResponse, createMock, createProject, ensureServerRunning, shot } from './support/ui';
import { expect, test, uniqueName } from './support/fixtures';

test('duplicating a mock warns that the copy is shadowed, the list marks it, and "Deactivate the other" ends it', async ({
  app: page,
  api,
}) => {
  const name = uniqueName('Routes');
  await createProject(page, name);
  await createMock(page, { name: 'Get user', path: '/users/{id}' });
  await page.getByRole('button', { name: 'Duplicate mock' }).click();
  await expect(page.getByText(/is shadowed by "Get user"/)).toBeVisible();
  const list = page.getByRole('region', { name: 'Mocks' });
  await expect(list.getByText(/shadowed by “Get user”/)).toBeVisible();
  await shot(page, 'routes-01-duplicate-shadowed');
  await list.getByRole('button', { name: 'Deactivate the other' }).click();
  await expect(list.getByText(/shadowed by/)).toHaveCount(0);
  const project = (await api.invoke('projects.list', {})).find((p) => p.name === name)!;
  const mocks = await api.invoke('mocks.list', { projectId: project.id });
  expect(mocks.map((m) => [m.name, m.isActive, m.shadowedBy])).toEqual([
    ['Get user', false, null],
    ['Get user (Copy)', true, null],
  ]);
  await shot(page, 'routes-02-other-deactivated');
});

test('a trailing * route answers every path below it', async ({ app: page }) => {
  const baseUrl = await createProject(page, uniqueName('Files'));
  await createMock(page, { name: 'Any file', path: '/files/*' });
  await addResponse(page, { name: 'File', body: '{"file":true}' });
  await ensureServerRunning(page);
  for (const p of ['/files/a.txt', '/files/deep/down/b.png']) {
    const res = await fetch(`${baseUrl}${p}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ file: true });
  }
  expect((await fetch(`${baseUrl}/files`)).status).toBe(404);
  await page.getByRole('tab', { name: 'Request log' }).click();
  await expect(page.getByRole('listbox', { name: 'Request log' }).getByRole('option')).toHaveCount(3);
  await shot(page, 'routes-03-wildcard-log');
});

test('"First match wins": the first matching response answers and the log names the one that matched and lost', async ({
  app: page,
}) => {
  const baseUrl = await createProject(page, uniqueName('First match'));
  await createMock(page, { name: 'Me', path: '/me' });
  const mockForm = page.getByRole('form', { name: 'Mock GET /me' });
  await mockForm.getByLabel('When several responses match').selectOption('first');
  await mockForm.getByRole('button', { name: 'Save mock' }).click();
  await expect(mockForm.getByText('the first matching response in order answers')).toBeVisible();
  await addResponse(page, {
    name: 'Admin',
    body: '{"who":"admin"}',
    condition: { type: 'header', field: 'x-role', operator: 'equals', value: 'admin' },
  });
  await addResponse(page, {
    name: 'Anyone with a role',
    body: '{"who":"someone"}',
    condition: { type: 'header', field: 'x-role', operator: 'exists' },
  });
  await shot(page, 'routes-04-first-match-editor');
  await ensureServerRunning(page);
  for (let i = 0; i < 3; i++) {
    const res = await fetch(`${baseUrl}/me`, { headers: { 'x-role': 'admin' } });
    expect(await res.json()).toEqual({ who: 'admin' });
  }
  await page.getByRole('tab', { name: 'Request log' }).click();
  await page.getByRole('listbox', { name: 'Request log' }).getByRole('option').first().click();
  const also = page.getByTestId('also-matched');
  await expect(also).toContainText('Anyone with a role also matched');
  await expect(also).toContainText('the first matching response wins');
  await shot(page, 'routes-05-log-also-matched');
});
