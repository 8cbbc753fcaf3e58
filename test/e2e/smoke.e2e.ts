import { expect, test } from './support/fixtures';
import { startHarness } from './support/harness';
import { shot } from './support/ui';

// Its own harness: the worker's shared one already holds other tests' projects.
test('a first run opens on an empty state that teaches the next step', async ({ page }) => {
  const harness = await startHarness('test/harness/web-app.ts');
  try {
    await page.goto(harness.info.appUrl);
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { name: 'Create your first mock API' })).toBeVisible();
    await expect(main.getByText(`${harness.info.serverUrl}/m/<slug>`)).toBeVisible();
    await expect(page.getByText('No projects yet.', { exact: false })).toBeVisible();
    await expect(page.getByTestId('server-state')).toHaveText('Running');
    await shot(page, '00-first-run');

    await main.getByRole('button', { name: 'New project' }).click();
    await expect(page.getByRole('dialog', { name: 'New project' }).getByLabel('Project name')).toBeFocused();
  } finally {
    await harness.stop();
  }
});
