import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { startHarness } from './support/harness';
import { shot } from './support/ui';

/**
 * From an empty app to a working conditional mock without the mouse: the skip link, focus
 * moving into each new form, the save shortcut, CodeMirror left with Escape then Tab. Every
 * step is a key press; Playwright only looks (expect) and finally calls the mock with fetch.
 */
async function tabTo(page: Page, target: Locator, { back = false, max = 40 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) return;
    // In the body editor Tab indents: Escape first, as the hint under it says.
    if (await page.evaluate(() => document.activeElement?.classList.contains('cm-content'))) {
      await page.keyboard.press('Escape');
    }
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${max} Tab presses did not reach ${target.toString()}`);
}

test('keyboard only: empty app → project → conditional mock that answers', async ({ page }) => {
  test.setTimeout(120_000);
  // Its own harness: the app must start empty.
  const harness = await startHarness('test/harness/web-app.ts');
  try {
    await page.goto(harness.info.appUrl);
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { name: 'Create your first mock API' })).toBeVisible();

    // The first Tab stop skips the sidebar.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(main.getByRole('button', { name: 'New project' })).toBeFocused();
    await page.keyboard.press('Enter');

    const dialog = page.getByRole('dialog', { name: 'New project' });
    await expect(dialog.getByLabel('Project name')).toBeFocused();
    await page.keyboard.type('Keyboard shop');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: 'Keyboard shop' })).toBeVisible();
    const base = (await page.getByTestId('project-base-url').textContent()) ?? '';

    // New mock: the cursor is in its first field; the name is left empty and becomes "GET /users/{id}".
    await page.keyboard.press('ControlOrMeta+n');
    const newMock = page.getByRole('form', { name: 'New mock' });
    await expect(newMock.getByLabel('Route type')).toBeFocused();
    await tabTo(page, newMock.getByLabel('Path'));
    await page.keyboard.type('/users/{id}');
    await page.keyboard.press('ControlOrMeta+s');
    const mockForm = page.getByRole('form', { name: 'Mock GET /users/{id}' });
    await expect(mockForm.getByLabel('Name')).toHaveValue('GET /users/{id}');

    // First response: the default, for everyone.
    const responses = page.getByRole('region', { name: 'Responses' });
    await tabTo(page, responses.getByRole('button', { name: 'Add response' }).first());
    await page.keyboard.press('Enter');
    const first = page.getByRole('form', { name: 'New response' });
    await expect(first.getByLabel('Response name')).toBeFocused();
    await page.keyboard.type('Anyone');
    await tabTo(page, page.getByRole('textbox', { name: 'Response body' }));
    await page.keyboard.insertText('{"role":"user"}');
    await page.keyboard.press('ControlOrMeta+s');
    await expect(page.getByRole('form', { name: 'Response Anyone' })).toBeVisible();

    // Second response: only when the header x-role is admin.
    // Back up from the body: past the response's fields and its one row in the list.
    await tabTo(page, responses.getByRole('button', { name: 'Add response' }).first(), { back: true });
    await page.keyboard.press('Enter');
    const second = page.getByRole('form', { name: 'New response' });
    await expect(second.getByLabel('Response name')).toBeFocused();
    await page.keyboard.type('Admin');
    await tabTo(page, second.getByRole('button', { name: 'Add condition' }));
    await page.keyboard.press('Enter');
    await expect(second.getByLabel('Condition 1 source')).toBeFocused(); // header, the default
    await page.keyboard.press('Tab');
    await expect(second.getByLabel('Condition 1 field')).toBeFocused();
    // Nothing typed yet: no error shown before the user had a chance.
    await expect(second.getByRole('alert')).toHaveCount(0);
    await page.keyboard.type('x-role');
    await tabTo(page, second.getByLabel('Condition 1 value'));
    await page.keyboard.type('admin');
    // The body sits right under name and status, so back up to it.
    await tabTo(page, page.getByRole('textbox', { name: 'Response body' }), { back: true });
    await page.keyboard.insertText('{"role":"admin"}');
    // Tab indents inside the editor; Escape then Tab leaves it, as the hint under it says.
    await expect(second.getByText('leaves the editor')).toBeVisible();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('textbox', { name: 'Response body' })).not.toBeFocused();
    await shot(page, 'keyboard-flow-condition');
    await page.keyboard.press('ControlOrMeta+s');
    await expect(page.getByRole('form', { name: 'Response Admin' })).toBeVisible();

    // With responses under them the mock's settings are folded to a line; Enter unfolds them.
    const settings = page.getByRole('button', { name: 'Mock settings' });
    await expect(settings).toHaveAttribute('aria-expanded', 'false');
    await tabTo(page, settings, { back: true });
    await page.keyboard.press('Enter');
    await expect(settings).toHaveAttribute('aria-expanded', 'true');
    await expect(mockForm.getByLabel('Path')).toBeVisible();

    const admin = await fetch(`${base}/users/7`, { headers: { 'x-role': 'admin' } });
    expect(await admin.json()).toEqual({ role: 'admin' });
    const user = await fetch(`${base}/users/7`);
    expect(await user.json()).toEqual({ role: 'user' });
  } finally {
    await harness.stop();
  }
});
