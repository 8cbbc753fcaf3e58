import { expect, type Page } from '@playwright/test';

/** Steps several specs share, written the way a user does them: by role and label. */

export async function createProject(page: Page, name: string): Promise<string> {
  await page.getByRole('navigation', { name: 'Projects' }).getByRole('button', { name: 'New project' }).click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await dialog.getByLabel('Project name').fill(name);
  await dialog.getByRole('button', { name: 'Create project' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  return (await page.getByTestId('project-base-url').textContent()) ?? '';
}

export async function createMock(page: Page, m: { name: string; method?: string; path: string }): Promise<void> {
  await page.getByRole('region', { name: 'Mocks' }).getByRole('button', { name: 'New mock' }).click();
  const form = page.getByRole('form', { name: 'New mock' });
  await form.getByLabel('Name').fill(m.name);
  if (m.method) await form.getByLabel('Method').selectOption(m.method);
  await form.getByLabel('Path').fill(m.path);
  await form.getByRole('button', { name: 'Create mock' }).click();
  await expect(page.getByRole('button', { name: `${m.method ?? 'GET'} ${m.path}`, exact: true })).toBeVisible();
}

/** Replaces the CodeMirror body: select all, then insert as one edit (no auto-closing brackets). */
export async function setBody(page: Page, text: string): Promise<void> {
  const body = page.getByRole('textbox', { name: 'Response body' });
  await body.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

export async function addResponse(
  page: Page,
  r: {
    name: string;
    status?: string;
    body: string;
    condition?: { type: string; field: string; operator: string; value?: string };
  },
): Promise<void> {
  await page.getByRole('region', { name: 'Responses' }).getByRole('button', { name: 'Add response' }).first().click();
  const form = page.getByRole('form', { name: 'New response' });
  await form.getByLabel('Response name').fill(r.name);
  if (r.status) await form.getByLabel('Status').fill(r.status);
  if (r.condition) {
    await form.getByRole('button', { name: 'Add condition' }).click();
    await form.getByLabel('Condition 1 source').selectOption(r.condition.type);
    await form.getByLabel('Condition 1 field').fill(r.condition.field);
    await form.getByLabel('Condition 1 operator').selectOption(r.condition.operator);
    if (r.condition.value !== undefined) await form.getByLabel('Condition 1 value').fill(r.condition.value);
  }
  await setBody(page, r.body);
  await form.getByRole('button', { name: 'Create response' }).click();
  await expect(page.getByRole('form', { name: `Response ${r.name}` })).toBeVisible();
}

/** Unfolds an existing mock's settings (folded while a response is open under them). */
export async function openMockSettings(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Mock settings' });
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

export async function ensureServerRunning(page: Page): Promise<void> {
  const state = page.getByTestId('server-state');
  if ((await state.textContent()) !== 'Running') await page.getByRole('button', { name: 'Start server' }).click();
  await expect(state).toHaveText('Running');
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png` });
}
