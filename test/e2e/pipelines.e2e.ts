import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, uniqueName } from './support/fixtures';
import { createMock, createProject, shot } from './support/ui';

/** A local webhook receiver: keeps every body it gets. */
async function startReceiver(): Promise<{ url: string; bodies: string[]; server: Server }> {
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    let b = '';
    req.on('data', (c: Buffer) => (b += c.toString()));
    req.on('end', () => {
      bodies.push(b);
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, bodies, server };
}

test('create a pipeline with a webhook step, change a mock, and see the execution succeed', async ({ app: page }) => {
  const receiver = await startReceiver();
  try {
    const name = uniqueName('Pipelined API');
    await createProject(page, name);

    await page.getByRole('tab', { name: 'Pipelines' }).click();
    await expect(page.getByText('No pipelines yet')).toBeVisible();
    await page.getByRole('button', { name: 'New pipeline' }).click();
    const editor = page.getByRole('form', { name: 'Pipeline definition' });
    await editor.getByLabel('Name').fill('notify on change');
    await editor.getByLabel('Runs when').selectOption('config.changed');
    await editor.getByLabel('Webhook URL').fill('not a url');
    await editor.getByRole('button', { name: 'Save pipeline' }).click();
    await expect(editor.getByText('Enter the URL that receives the webhook')).toBeVisible();
    await editor.getByLabel('Webhook URL').fill(receiver.url);
    await editor.getByLabel('Message').fill('{{event.slug}} changed');
    // The YAML face shows the same definition.
    await editor.getByRole('tab', { name: 'YAML' }).click();
    await expect(editor.getByLabel('Definition (YAML)')).toHaveValue(/webhook_url: http:\/\/127\.0\.0\.1:\d+\/hook/);
    await shot(page, 'pipelines-01-yaml-editor');
    await editor.getByRole('tab', { name: 'Form' }).click();
    await editor.getByRole('button', { name: 'Save pipeline' }).click();
    await expect(page.getByTestId('pipeline-item')).toHaveCount(1);
    await expect(page.getByTestId('pipeline-item')).toContainText('on config.changed · 1 step');

    // Change a mock: the edit reaches the pipeline through the outbox.
    await page.getByRole('tab', { name: 'Mocks' }).click();
    await createMock(page, { name: 'List users', path: '/users' });
    await expect.poll(() => receiver.bodies.length, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(JSON.parse(receiver.bodies[0]!)).toMatchObject({
      message: expect.stringMatching(/ changed$/),
      event: { event_type: 'config.changed' },
    });

    await page.getByRole('tab', { name: 'Pipelines' }).click();
    const run = page.getByTestId('execution').first();
    await expect(run.getByTestId('execution-status')).toHaveText('completed');
    await expect(run.getByRole('table', { name: 'Step log' })).toContainText('notify');
    await expect(run.getByRole('table', { name: 'Step log' })).toContainText('"status_code":200');
    await shot(page, 'pipelines-02-execution');

    // Disabled, then run by hand: a failing receiver shows as a failed run and a notification.
    // The switch follows the saved pipeline: it turns off once main has stored the change.
    await page.getByLabel('Enabled').click();
    await expect(page.getByLabel('Enabled')).not.toBeChecked();
    await expect(page.getByText('notify on change disabled')).toBeVisible();
    receiver.server.close();
    receiver.server.closeAllConnections();
    await page.getByRole('button', { name: 'Run now' }).click();
    await expect(page.getByText(/A pipeline run failed/)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('execution-status').first()).toHaveText('failed');
    await shot(page, 'pipelines-03-failed-run');
  } finally {
    receiver.server.close();
  }
});
