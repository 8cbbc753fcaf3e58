import { addResponse, createMock, createProject, ensureServerRunning, openMockSettings, shot } from './support/ui';
import { expect, test, uniqueName } from './support/fixtures';

test('chaos on a mock: histogram preview, injected error marked in the log, kill switch', async ({ app: page }) => {
  const baseUrl = await createProject(page, uniqueName('Payments'));
  await createMock(page, { name: 'Pay', method: 'POST', path: '/pay' });
  await addResponse(page, { name: 'Paid', body: '{"paid": true}' });

  // Open the mock's chaos section and set a latency distribution: the histogram follows it.
  await openMockSettings(page);
  await page.locator('summary').filter({ hasText: 'Chaos' }).click();
  const panel = page.getByRole('form', { name: 'Chaos of this mock' });
  await panel.getByLabel('Chaos for this mock').check();
  await panel.getByLabel('Latency', { exact: true }).selectOption('lognormal');
  await panel.getByLabel('Median (ms)').fill('20');
  await panel.getByLabel('p99 (ms)').fill('200');
  const histogram = panel.getByRole('img', { name: /^Latency histogram: p50 \d+ ms · p95 \d+ ms · p99 \d+ ms$/ });
  await expect(histogram).toBeVisible();
  await expect(histogram.locator('rect')).toHaveCount(32);
  const p50 = Number((await histogram.getAttribute('aria-label'))!.match(/p50 (\d+) ms/)![1]);
  expect(p50).toBeGreaterThanOrEqual(17);
  expect(p50).toBeLessThanOrEqual(23);

  // A bad rate is refused under its field, naming the fix.
  await panel.getByLabel('Error rate (%)').fill('150');
  await panel.getByRole('button', { name: 'Save chaos' }).click();
  await expect(panel.getByText('Error rate must be a percentage from 0 to 100')).toBeVisible();

  await panel.getByLabel('Error rate (%)').fill('100');
  await panel.getByLabel('Error status').fill('503');
  await panel.getByRole('button', { name: 'Save chaos' }).click();
  await expect(panel.getByRole('button', { name: 'Save chaos' })).toBeDisabled();
  await expect(page.getByText(/— lognormal median 20, p99 200 ms, 100% 503/)).toBeVisible();
  await expect(page.getByTestId('chaos-state')).toHaveText('Chaos on');
  await panel.scrollIntoViewIfNeeded();
  await shot(page, 'chaos-01-mock-panel');

  // The app at 1000×650, dark: the panel still fits.
  await page.setViewportSize({ width: 1000, height: 650 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page
    .locator('summary')
    .filter({ hasText: 'Chaos' })
    .evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await shot(page, 'chaos-02-mock-panel-1000x650-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Calling the mock gets the injected error, marked in the log.
  await ensureServerRunning(page);
  const res = await fetch(`${baseUrl}/pay`, { method: 'POST', body: '{}' });
  expect(res.status).toBe(503);
  expect(await res.json()).toMatchObject({ error: 'CHAOS_INJECTED_ERROR' });
  await page.getByRole('tab', { name: 'Request log' }).click();
  const row = page.getByRole('listbox', { name: 'Request log' }).getByRole('option').filter({ hasText: '/pay' });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('chaos-tag')).toHaveText('⚡ injected 503');
  await row.click();
  await expect(page.getByTestId('chaos-applied')).toContainText(/injected 503 · \+\d+ ms latency \(mock's chaos\)/);
  await shot(page, 'chaos-03-log-marked-1000x650');

  // The kill switch turns every chaos setting off at once, and back on.
  const killSwitch = page.getByRole('region', { name: 'Chaos kill switch' }).getByRole('switch');
  await killSwitch.click();
  await expect(page.getByTestId('chaos-state')).toHaveText('Chaos off (kill switch)');
  await shot(page, 'chaos-04-kill-switch-off');
  expect((await fetch(`${baseUrl}/pay`, { method: 'POST', body: '{}' })).status).toBe(200);
  await killSwitch.click();
  await expect(page.getByTestId('chaos-state')).toHaveText('Chaos on');
  expect((await fetch(`${baseUrl}/pay`, { method: 'POST', body: '{}' })).status).toBe(503);

  // The project's own chaos tab.
  await page.getByRole('tab', { name: 'Chaos' }).click();
  const projectPanel = page.getByRole('form', { name: 'Chaos of this project' });
  await projectPanel.getByLabel('Chaos for this project').check();
  await projectPanel.getByLabel('Latency', { exact: true }).selectOption('normal');
  await projectPanel.getByLabel('Mean (ms)').fill('200');
  await projectPanel.getByLabel('Std dev (ms)').fill('40');
  await projectPanel.getByLabel('Fault', { exact: true }).selectOption('connection_reset');
  await projectPanel.getByLabel('Fault rate (%)').fill('5');
  await expect(projectPanel.getByRole('img', { name: /p50 (19\d|20\d) ms/ })).toBeVisible();
  await shot(page, 'chaos-05-project-tab-1000x650');
  await projectPanel.getByRole('button', { name: 'Save chaos' }).click();
  await expect(projectPanel.getByRole('button', { name: 'Save chaos' })).toBeDisabled();
  await expect(page.getByRole('region', { name: 'Chaos kill switch' })).toContainText(
    '2 mocks and projects have a chaos setting',
  );
});
