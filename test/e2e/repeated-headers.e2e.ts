import { request } from 'node:http';
import { createMock, createProject, ensureServerRunning, setBody, shot } from './support/ui';
import { expect, test, uniqueName } from './support/fixtures';

/** Every line of a header as it came off the socket (node:http's rawHeaders, repeated names not joined). */
function headerLines(url: string, name: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const req = request(url, (res) => {
      res.resume();
      const lines: string[] = [];
      for (let i = 0; i < res.rawHeaders.length; i += 2)
        if (res.rawHeaders[i]!.toLowerCase() === name) lines.push(res.rawHeaders[i + 1]!);
      res.on('end', () => resolve(lines));
    });
    req.on('error', reject);
    req.end();
  });
}

test('two Set-Cookie rows in the response editor are saved in order and sent as two header lines', async ({
  app: page,
}) => {
  const baseUrl = await createProject(page, uniqueName('Cookies'));
  await createMock(page, { name: 'Log in', path: '/login' });
  await page.getByRole('region', { name: 'Responses' }).getByRole('button', { name: 'Add response' }).first().click();
  const form = page.getByRole('form', { name: 'New response' });
  await form.getByLabel('Response name').fill('Signed in');
  await setBody(page, '{"ok": true}');

  const headers = form.getByRole('group', { name: 'Headers' });
  for (const [i, value] of ['sid=abc; Path=/; HttpOnly', 'theme=dark; Path=/'].entries()) {
    await headers.getByRole('button', { name: 'Add header' }).click();
    await form.getByLabel(`Header ${i + 1} name`).fill('Set-Cookie');
    await form.getByLabel(`Header ${i + 1} value`).fill(value);
  }
  // A repeated name is no error; a value without a name is, beside its row.
  await headers.getByRole('button', { name: 'Add header' }).click();
  await form.getByLabel('Header 3 value').fill('orphan');
  await form.getByRole('button', { name: 'Create response' }).click();
  await expect(form.getByText(/^Header name cannot be empty/)).toBeVisible();
  await expect(form.getByLabel('Header 1 name')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Header 2 name')).not.toHaveAttribute('aria-invalid', 'true');
  await shot(page, '40-repeated-headers-row-error');
  await form.getByRole('button', { name: 'Remove header 3' }).click();
  await form.getByRole('button', { name: 'Create response' }).click();

  const saved = page.getByRole('form', { name: 'Response Signed in' });
  await expect(saved).toBeVisible();
  // Saved and loaded back: two rows of the same name, in the order typed.
  await expect(saved.getByLabel('Header 1 value')).toHaveValue('sid=abc; Path=/; HttpOnly');
  await expect(saved.getByLabel('Header 2 name')).toHaveValue('Set-Cookie');
  await expect(saved.getByLabel('Header 2 value')).toHaveValue('theme=dark; Path=/');
  await saved.getByRole('group', { name: 'Headers' }).scrollIntoViewIfNeeded();
  await shot(page, '41-repeated-headers-saved');

  await ensureServerRunning(page);
  expect(await headerLines(`${baseUrl}/login`, 'set-cookie')).toEqual([
    'sid=abc; Path=/; HttpOnly',
    'theme=dark; Path=/',
  ]);

  // The log detail shows what was sent: one row per Set-Cookie line (values masked).
  await page.getByRole('tab', { name: 'Request log' }).click();
  await page.getByRole('listbox', { name: 'Request log' }).getByRole('option').filter({ hasText: '/login' }).click();
  const sent = page.getByRole('article', { name: 'Request detail' }).getByRole('region', { name: 'Response' });
  await expect(sent.getByRole('row').filter({ hasText: 'set-cookie' })).toHaveCount(2);
  await shot(page, '42-repeated-headers-log-detail');
});
