import { addResponse, createMock, createProject, ensureServerRunning, setBody, shot } from './support/ui';
import { expect, test, uniqueName } from './support/fixtures';

// The smallest window the app supports: the condition row and scenario fields must fit it.
test.use({ viewport: { width: 1000, height: 650 } });

test('a cookie rule with regex flags and invert, OR logic, a scenario: call the mock, see the answer and the log’s reason', async ({
  app: page,
}) => {
  const baseUrl = await createProject(page, uniqueName('Rules API'));
  await createMock(page, { name: 'Cart', path: '/cart' });
  const mockForm = page.getByRole('form', { name: 'Mock GET /cart' });
  await expect(mockForm.getByLabel('Response mode').locator('option')).toHaveText([
    'Random',
    'Sequential',
    'Disable rules',
    'Fallback',
  ]);
  await mockForm.getByLabel('Response mode').selectOption('fallback');
  await expect(mockForm.getByText('the next mock with this route answers')).toBeVisible();
  await shot(page, 'rules-00-mock-editor-modes');
  await mockForm.getByLabel('Response mode').selectOption('random');
  await addResponse(page, { name: 'Anyone', body: '{"who":"anyone"}' });

  // A response for sessions that do NOT start with "ab" (any case), OR a POST: two conditions, OR.
  await page.getByRole('region', { name: 'Responses' }).getByRole('button', { name: 'Add response' }).first().click();
  const form = page.getByRole('form', { name: 'New response' });
  await form.getByLabel('Response name').fill('Stranger');
  await form.getByRole('button', { name: 'Add condition' }).click();
  await form.getByLabel('Condition 1 source').selectOption('cookie');
  await form.getByLabel('Condition 1 field').fill('session');
  await form.getByLabel('Condition 1 operator').selectOption('regex');
  await form.getByLabel('Condition 1 value').fill('^AB');
  await form.getByLabel('Condition 1 regex flags').fill('i');
  await form.getByLabel('Condition 1 invert').check();
  await form.getByRole('button', { name: 'Add condition' }).click();
  await form.getByLabel('Condition 2 source').selectOption('method');
  await expect(form.getByLabel('Condition 2 field')).toHaveCount(0);
  await form.getByLabel('Condition 2 value').fill('POST');
  await form.getByLabel('Condition logic').selectOption('or');
  await setBody(page, '{"who":"stranger"}');
  await form.getByRole('button', { name: 'Create response' }).click();
  const saved = page.getByRole('form', { name: 'Response Stranger' });
  await expect(saved).toBeVisible();
  await saved.getByRole('group', { name: 'Conditions' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await shot(page, 'rules-01-condition-editor');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'rules-01b-condition-editor-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await ensureServerRunning(page);
  const known = await fetch(`${baseUrl}/cart`, { headers: { cookie: 'session=aBc123' } });
  expect(await known.json()).toEqual({ who: 'anyone' });
  const stranger = await fetch(`${baseUrl}/cart`, { headers: { cookie: 'session=zz9' } });
  expect(await stranger.json()).toEqual({ who: 'stranger' });

  // The log says why "Stranger" was not chosen for the known session: each OR condition that failed.
  await page.getByRole('tab', { name: 'Request log' }).click();
  const log = page.getByRole('listbox', { name: 'Request log' });
  await log.getByRole('option').filter({ hasText: 'Cart → Anyone' }).click();
  const detail = page.getByRole('article', { name: 'Request detail' });
  const reasons = detail.getByRole('list', { name: 'Responses not chosen' });
  await expect(reasons).toContainText('Stranger not chosen: NOT cookie session matches regex "^AB" /i failed');
  await expect(reasons).toContainText('method equals "POST" failed');
  await shot(page, 'rules-02-log-reason');

  // A scenario: the first call moves "visit" from Started to Seen; the panel shows it, and resets it.
  await page.getByRole('tab', { name: 'Mocks' }).click();
  await createMock(page, { name: 'Visit', path: '/visit' });
  await page.getByRole('region', { name: 'Responses' }).getByRole('button', { name: 'Add response' }).first().click();
  const first = page.getByRole('form', { name: 'New response' });
  await first.getByLabel('Response name').fill('First visit');
  await first.getByLabel('Scenario name').fill('visit');
  await first.getByLabel('Required state').fill('Started');
  await first.getByLabel('New state').fill('Seen');
  await setBody(page, '{"first":true}');
  await first.getByRole('button', { name: 'Create response' }).click();
  await expect(page.getByRole('form', { name: 'Response First visit' })).toBeVisible();
  await addResponse(page, { name: 'Again', body: '{"first":false}' });

  expect(await (await fetch(`${baseUrl}/visit`)).json()).toEqual({ first: true });
  expect(await (await fetch(`${baseUrl}/visit`)).json()).toEqual({ first: false });
  await page.getByRole('tab', { name: 'Stats' }).click();
  const panel = page.getByRole('region', { name: 'Scenarios' });
  await expect(panel.getByTestId('scenario-state-visit')).toHaveText('Seen');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'rules-03-scenarios-panel-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await panel.getByRole('button', { name: 'Reset scenario visit' }).click();
  await expect(panel.getByTestId('scenario-state-visit')).toHaveText('Started');
  expect(await (await fetch(`${baseUrl}/visit`)).json()).toEqual({ first: true });
});
