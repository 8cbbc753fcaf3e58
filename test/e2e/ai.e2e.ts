import { startStubProvider, STUB_MOCK_DATA, STUB_PROJECT, type StubProvider } from '../harness/stub-ai-provider';
import { ensureServerRunning, shot } from './support/ui';
import { expect, test, uniqueName } from './support/fixtures';

/**
 * AI generation in the app against a stub OpenAI-compatible provider running in this test's
 * process: BYOK settings, a project from a description (preview, create, call a generated
 * mock), and "Generate body" in the response editor.
 */

let stub: StubProvider;
test.beforeAll(async () => {
  stub = await startStubProvider();
});
test.afterAll(() => stub.close());

const KEY = 'sk-e2e-SECRET-0123456789';

test('AI: set up a provider, describe a project, preview, create it, call a generated mock, generate a body', async ({
  app: page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  // Without a provider, the dialog says how to set one up.
  await page.getByRole('button', { name: 'AI: describe a new API' }).click();
  let dialog = page.getByRole('dialog', { name: 'New project from a description' });
  await dialog.getByLabel('Describe the API').fill('A small library API with books');
  await dialog.getByRole('button', { name: 'Generate preview' }).click();
  await expect(dialog.getByRole('alert')).toContainText('No AI provider is set up');
  await dialog.getByRole('button', { name: 'Open AI settings' }).click();

  // The BYOK screen: a preset fills the URL and model; custom points at the stub.
  const form = page.getByRole('form', { name: 'AI provider' });
  await expect(form).toBeVisible();
  await form.getByRole('radio', { name: 'OpenAI', exact: true }).check();
  await expect(form.getByLabel('Base URL')).toHaveValue('https://api.openai.com/v1');
  await expect(form.getByLabel('Model')).toHaveValue('gpt-4o-mini');
  await form.getByRole('radio', { name: 'Custom (OpenAI-compatible)' }).check();
  await form.getByLabel('Base URL').fill(stub.baseUrl);
  await form.getByLabel('Model').fill('gpt-stub');
  await form.getByLabel('API key (optional)').fill(KEY);
  await form.getByLabel('Monthly token limit').fill('100000');
  await form.getByRole('button', { name: 'Save AI settings' }).click();
  // Write-only: the field empties and only the masked key comes back.
  await expect(form.getByLabel('API key (optional)')).toHaveValue('');
  await expect(form.getByText('Stored in the system keychain: sk-e…•••. Type a new key to replace it.')).toBeVisible();
  await expect(page.locator('body')).not.toContainText(KEY);
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByRole('status')).toHaveText('Connected: gpt-stub answered “ready” (200 tokens).');
  await expect(form.getByLabel('Usage this month')).toContainText('200 of 100,000 tokens');
  expect(stub.requests.at(-1)!.authorization).toBe(`Bearer ${KEY}`);
  await shot(page, 'ai-01-settings-1920x1080-light');
  await page.setViewportSize({ width: 1000, height: 650 });
  await shot(page, 'ai-02-settings-1000x650-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'ai-03-settings-1000x650-dark');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await shot(page, 'ai-04-settings-1920x1080-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Describe → preview of endpoints and scenarios → create, which opens the new project.
  await form.getByRole('button', { name: 'New project from a description…' }).click();
  dialog = page.getByRole('dialog', { name: 'New project from a description' });
  await dialog.getByLabel('Describe the API').fill('A small library API with books');
  await dialog.getByRole('button', { name: 'Generate preview' }).click();
  const preview = dialog.getByRole('list', { name: 'Generated endpoints' });
  await expect(preview.getByRole('listitem')).toHaveCount(STUB_PROJECT.endpoints.length);
  await expect(preview.getByRole('listitem').first()).toContainText('/books');
  await expect(preview.getByRole('listitem').first()).toContainText('500 Server Error');
  const name = uniqueName('Library');
  await dialog.getByLabel('Project name').fill(name);
  await shot(page, 'ai-05-preview-1920x1080-light');
  await page.setViewportSize({ width: 1000, height: 650 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'ai-06-preview-1000x650-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await shot(page, 'ai-07-preview-1000x650-light');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'ai-08-preview-1920x1080-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await dialog.getByRole('button', { name: 'Create project (3 mocks)' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const baseUrl = (await page.getByTestId('project-base-url').textContent()) ?? '';

  // A generated mock answers (POST /books has one scenario; GET /books picks among two).
  await ensureServerRunning(page);
  const res = await fetch(`${baseUrl}/books`, { method: 'POST', body: '{}' });
  expect(res.status).toBe(201);
  expect(await res.json()).toEqual(STUB_PROJECT.endpoints[2]!.scenarios[0]!.responseBody);

  // "Generate body" fills the response editor's body from a description.
  await page.getByRole('button', { name: 'GET /books', exact: true }).click();
  await page.getByRole('button', { name: /^Response Success, 200/ }).click();
  const editor = page.getByRole('form', { name: 'Response Success' });
  await editor.getByRole('button', { name: 'Generate body' }).click();
  const gen = editor.getByRole('group', { name: 'Generate body' });
  await gen.getByLabel('Describe the body').fill('two blog posts with authors');
  await gen.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await shot(page, 'ai-09-generate-body-prompt-1920x1080-light');
  await gen.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect(gen).toBeHidden();
  await expect(editor.getByRole('textbox', { name: 'Response body' })).toContainText(STUB_MOCK_DATA.data[0]!.title);
  const body = editor.getByRole('textbox', { name: 'Response body' });
  await body.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await shot(page, 'ai-10-generated-body-1920x1080-light');
  await page.setViewportSize({ width: 1000, height: 650 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await body.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await shot(page, 'ai-11-generated-body-1000x650-dark');
  await page.emulateMedia({ colorScheme: 'light' });
});
