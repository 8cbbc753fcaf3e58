import type { Page } from '@playwright/test';
import { createMock, createProject, ensureServerRunning, setBody, shot } from './support/ui';
import { expect, test, uniqueName } from './support/fixtures';

const SIZES = [
  { width: 1000, height: 650 },
  { width: 1920, height: 1080 },
] as const;

/** Light and dark at both sizes; `reopen` brings back what a resize or repaint may close. */
async function shots(page: Page, name: string, reopen: () => Promise<void>): Promise<void> {
  // Toasts leave by themselves too: one may be gone before its click lands.
  const toasts = page.getByRole('button', { name: 'Dismiss notification' });
  while ((await toasts.count()) > 0)
    await toasts
      .first()
      .click({ timeout: 2000 })
      .catch(() => undefined);
  for (const size of SIZES) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: scheme });
      await reopen();
      await shot(page, `${name}-${size.width}x${size.height}-${scheme}`);
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
}

test('write a template with helper completion, preview it, call the mock, see the rendered body in the log', async ({
  app: page,
  api,
}) => {
  const name = uniqueName('Templates');
  const baseUrl = await createProject(page, name);
  // The project's seed makes fake data repeat run after run.
  await page.getByRole('button', { name: 'Edit project' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit project' });
  await dialog.getByLabel('Templating seed (optional)').fill('4.5');
  await dialog.getByRole('button', { name: 'Save project' }).click();
  await expect(dialog.getByText('Seed must be a whole number')).toBeVisible();
  await dialog.getByLabel('Templating seed (optional)').fill('42');
  await shots(page, 'templating-project-seed', async () => {
    await expect(dialog).toBeVisible();
  });
  await dialog.getByRole('button', { name: 'Save project' }).click();
  await expect(dialog).toBeHidden();
  await expect
    .poll(async () => (await api.invoke('projects.list', {})).find((p) => p.name === name)?.templatingSeed)
    .toBe(42);

  await createMock(page, { name: 'Get user', path: '/users/{id}' });
  await page.getByRole('region', { name: 'Responses' }).getByRole('button', { name: 'Add response' }).first().click();
  const form = page.getByRole('form', { name: 'New response' });
  await form.getByLabel('Response name').fill('Templated user');

  // Typing "{{" offers the engine's helpers, each with its signature and what it does.
  await setBody(page, '{"id": "{{');
  const completions = page.getByRole('listbox', { name: 'Completions' });
  await expect(completions.getByRole('option', { name: /faker/ })).toBeVisible();
  await expect(page.locator('.cm-completionInfo')).not.toBeEmpty();
  const body = page.getByRole('textbox', { name: 'Response body' });
  await shots(page, 'templating-autocomplete', async () => {
    await body.scrollIntoViewIfNeeded();
    await body.press('End');
    if (!(await completions.isVisible())) await body.press('Control+Space');
    await expect(completions).toBeVisible();
  });
  await body.press('End');
  await page.keyboard.type('urlP');
  const urlParam = completions.getByRole('option', { name: /urlParam/ });
  await expect(urlParam).toBeVisible();
  await urlParam.click();
  await page.keyboard.insertText(` 'id'}}", "name": "{{faker 'person.firstName'}}"}`);
  await expect(body).toHaveText(`{"id": "{{urlParam 'id'}}", "name": "{{faker 'person.firstName'}}"}`);
  // The tags are marked as Handlebars on top of the JSON highlighting.
  await expect(body.locator('.cm-hb-helper').first()).toHaveText('urlParam');

  // The preview renders the unsaved body against the mock's path with an example id.
  await form.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByRole('region', { name: 'Template preview' });
  await expect(preview.getByLabel('Sample path')).toHaveValue('/users/42');
  const rendered = preview.getByLabel('Rendered body');
  await expect(rendered).toHaveText(/^\{"id": "42", "name": "[^"]+"\}$/);
  await preview.getByLabel('Sample path').fill('/users/ada?tab=1');
  await expect(rendered).toHaveText(/^\{"id": "ada", "name": "[^"]+"\}$/);
  await shots(page, 'templating-preview', async () => {
    await preview.scrollIntoViewIfNeeded();
    await expect(rendered).toBeVisible();
  });

  // A broken template shows what is wrong and on which line.
  await setBody(page, `{\n  "id": "{{urlParam 'id'}}",\n  "items": [{{#repeat 2}}1{{/each}}]\n}`);
  await expect(preview.getByTestId('template-error')).toContainText('line 3');
  // …and the editor marks that line.
  await expect(body.locator('.cm-hb-error-line')).toHaveCount(1);
  await expect(body.locator('.cm-hb-error-line')).toContainText('"items"');
  await preview.getByTestId('template-error').scrollIntoViewIfNeeded();
  await shot(page, 'templating-preview-error');

  await setBody(page, `{"id": "{{urlParam 'id'}}", "name": "{{faker 'person.firstName'}}"}`);
  await expect(rendered).toHaveText(/^\{"id": "ada"/);
  // With templating off the body is sent as typed, braces and all.
  const off = form.getByLabel('Disable templating');
  await off.check();
  await expect(rendered).toHaveText(`{"id": "{{urlParam 'id'}}", "name": "{{faker 'person.firstName'}}"}`);
  await expect(body.locator('.cm-hb-helper')).toHaveCount(0);
  await off.uncheck();
  await expect(rendered).toHaveText(/^\{"id": "ada"/);
  await form.getByRole('button', { name: 'Create response' }).click();
  const saved = page.getByRole('form', { name: 'Response Templated user' });
  await expect(saved).toBeVisible();

  // The mock renders it for every request.
  await ensureServerRunning(page);
  const res = await fetch(`${baseUrl}/users/7`);
  expect(res.status).toBe(200);
  const json = (await res.json()) as { id: string; name: string };
  expect(json.id).toBe('7');
  expect(json.name).toMatch(/^\S+$/);

  // And the log shows the body as it was sent.
  await page.getByRole('tab', { name: 'Request log' }).click();
  const row = page.getByRole('listbox', { name: 'Request log' }).getByRole('option').filter({ hasText: '/users/7' });
  await row.click();
  const detail = page.getByRole('article', { name: 'Request detail' });
  await expect(detail.getByLabel('Response body', { exact: true })).toContainText(`"id": "7"`);
  await expect(detail.getByLabel('Response body', { exact: true })).toContainText(`"name": "${json.name}"`);
  await shot(page, 'templating-log-detail');
});
