import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { shotsAtSizes } from './support/cloud-shots';
import { expect, test, uniqueName } from './support/fixtures';
import { ensureServerRunning } from './support/ui';

/**
 * The import dialog (issue 12): a document dropped on the window, picked, or downloaded from
 * a URL is previewed — format, name, base path, mocks, skipped, warnings — then imported, and
 * the new project opens and answers.
 */

/** Drops a file on the app window the way a file manager does: dragenter, dragover, drop. */
async function dropFile(page: Page, file: { name: string; text: string; type: string }): Promise<void> {
  const dataTransfer = await page.evaluateHandle(({ name, text, type }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], name, { type }));
    return dt;
  }, file);
  for (const type of ['dragenter', 'dragover', 'drop']) {
    await page.dispatchEvent('main', type, { dataTransfer });
  }
}

const har = (host: string) =>
  JSON.stringify({
    log: {
      version: '1.2',
      creator: { name: 'Firefox', version: '140' },
      entries: [
        {
          request: {
            method: 'GET',
            url: `https://${host}/users/1`,
            headers: [{ name: 'Authorization', value: 'Bearer e2e-SECRET-token' }],
          },
          response: {
            status: 200,
            statusText: 'OK',
            headers: [{ name: 'Content-Type', value: 'application/json' }],
            content: { mimeType: 'application/json', text: '{"id":1,"echo":"e2e-SECRET-token"}' },
          },
        },
        {
          request: { method: 'GET', url: `https://${host}/users/1`, headers: [] },
          response: {
            status: 404,
            statusText: 'Not Found',
            headers: [],
            content: { mimeType: 'application/json', text: '{"error":"gone"}' },
          },
        },
        {
          request: { method: 'GET', url: `https://${host}/logo.png`, headers: [] },
          response: {
            status: 200,
            headers: [],
            content: { mimeType: 'image/png', encoding: 'base64', text: 'iVBORw0KGgo=' },
          },
        },
      ],
    },
  });

const markdown = [
  '# Zoo API',
  '',
  '**Base URL:** `https://zoo.test/v2`',
  '',
  '### List animals',
  '',
  '```http',
  'GET /animals',
  '```',
  '',
  '**Response:** `200 OK`',
  '```json',
  '{ "items": [{ "id": 1, "name": "Rex" },], // trailing comma and a comment',
  '}',
  '```',
  '',
  '### `DELETE /animals/{id}`',
  '',
  '**Response:** `204 No Content`',
].join('\n');

async function openImported(page: Page, projectName: string): Promise<string> {
  await expect(page.getByRole('dialog', { name: 'Import a project' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: projectName })).toBeVisible();
  await ensureServerRunning(page);
  return (await page.getByTestId('project-base-url').textContent()) ?? '';
}

test('drop a HAR file on the window: preview, import, call the recorded mock (credentials redacted)', async ({
  app: page,
}) => {
  const name = uniqueName('Recorded');
  await dropFile(page, { name: `${name}.har`, text: har('api.shop.test'), type: 'application/json' });
  const dialog = page.getByRole('dialog', { name: 'Import a project' });
  await expect(dialog.getByTestId('import-summary')).toContainText('HAR recording');
  const mocks = dialog.getByRole('region', { name: 'Mocks to create' });
  await expect(mocks.getByRole('listitem')).toHaveCount(2);
  await expect(mocks.getByRole('listitem').first()).toContainText('/users/1');
  await expect(mocks.getByRole('listitem').first()).toContainText('200 · 404');
  await expect(dialog.getByRole('region', { name: 'Skipped' })).toContainText('binary');
  await expect(dialog.getByRole('region', { name: 'Warnings' })).toContainText('[redacted]');
  await expect(dialog.getByLabel('Project name')).toHaveValue(name);

  await dialog.getByRole('button', { name: 'Import 2 mocks' }).click();
  const baseUrl = await openImported(page, name);
  const res = await fetch(`${baseUrl}/users/1`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ id: 1, echo: '[redacted]' });
});

test('pick a Markdown reference, rename it, drop its base path, import and call it', async ({ app: page }) => {
  await page.getByRole('navigation', { name: 'Projects' }).getByRole('button', { name: 'Import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a project' });
  await expect(dialog.getByText('You can also drop a file anywhere on the window')).toBeVisible();
  await shotsAtSizes(page, 'import-source');
  await dialog.getByLabel('Document file').setInputFiles({
    name: 'zoo.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(markdown),
  });
  await expect(dialog.getByTestId('import-summary')).toContainText('Markdown API reference');
  const mocks = dialog.getByRole('region', { name: 'Mocks to create' });
  await expect(mocks).toContainText('/v2/animals');
  await shotsAtSizes(page, 'import-preview');

  await dialog.getByRole('radio', { name: /Drop it/ }).check();
  await expect(mocks.getByRole('listitem').first()).toContainText(/^GET\/animals/);
  const name = uniqueName('Zoo');
  await dialog.getByLabel('Project name').fill(name);
  await dialog.getByRole('button', { name: 'Import 2 mocks' }).click();
  const baseUrl = await openImported(page, name);
  const list = await fetch(`${baseUrl}/animals`);
  expect(list.status).toBe(200);
  expect(await list.json()).toEqual({ items: [{ id: 1, name: 'Rex' }] });
  expect((await fetch(`${baseUrl}/animals/7`, { method: 'DELETE' })).status).toBe(204);
});

test.describe('from a URL', () => {
  let server: Server;
  let origin: string;
  test.beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/docs/zoo.md') return res.writeHead(200, { 'content-type': 'text/markdown' }).end(markdown);
      res.writeHead(404).end('not here');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  test.afterAll(() => server.close());

  test('main downloads the document; a bad address says what is wrong', async ({ app: page }) => {
    await page.getByRole('navigation', { name: 'Projects' }).getByRole('button', { name: 'Import' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a project' });
    const url = dialog.getByLabel('Or download it from a URL');
    await url.fill(`${origin}/docs/missing.md`);
    await dialog.getByRole('button', { name: 'Download' }).click();
    await expect(dialog.getByRole('alert')).toContainText('answered 404');

    await url.fill(`${origin}/docs/zoo.md`);
    await dialog.getByRole('button', { name: 'Download' }).click();
    await expect(dialog.getByTestId('import-summary')).toContainText('zoo.md');
    await expect(dialog.getByLabel('Project name')).toHaveValue('Zoo API');
    const name = uniqueName('Zoo from URL');
    await dialog.getByLabel('Project name').fill(name);
    await dialog.getByRole('button', { name: 'Import 2 mocks' }).click();
    const baseUrl = await openImported(page, name);
    expect((await fetch(`${baseUrl}/v2/animals`)).status).toBe(200);
  });
});

const openapi = [
  'openapi: 3.1.0',
  'info: { title: Pets, version: "1" }',
  'paths:',
  '  /pets/{id}:',
  '    get:',
  '      responses:',
  "        '200':",
  '          description: a pet',
  '          content:',
  '            application/json:',
  '              example: { id: 1, name: Rex }',
].join('\n');

test('drop an OpenAPI file on the window, see the preview, import, call a mock', async ({ app: page }) => {
  await dropFile(page, { name: 'pets.yaml', text: openapi, type: 'application/yaml' });
  const dialog = page.getByRole('dialog', { name: 'Import a project' });
  await expect(dialog.getByTestId('import-summary')).toContainText('OpenAPI');
  await expect(dialog.getByRole('region', { name: 'Mocks to create' })).toContainText('/pets/{id}');
  const name = uniqueName('Pets');
  await dialog.getByLabel('Project name').fill(name);
  await dialog.getByRole('button', { name: 'Import 1 mock' }).click();
  const baseUrl = await openImported(page, name);
  const res = await fetch(`${baseUrl}/pets/1`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ id: 1, name: 'Rex' });
});
