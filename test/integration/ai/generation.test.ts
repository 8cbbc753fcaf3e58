import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../../main/core/app';
import { MemorySecretStore } from '../../../main/core/secrets/memory-store';
import { freePort } from '../../harness/web-app';
import { STUB_MOCK_DATA, STUB_PROJECT, startStubProvider, type StubProvider } from '../../harness/stub-ai-provider';

/**
 * AI generation end to end over the management API, against a stub OpenAI-compatible
 * provider: BYOK settings, the key as a Bearer token and nowhere else, JSON output asked and
 * validated, one repair, the monthly limit, timeouts, cancellation and readable errors.
 */

const TOKEN = 'ai-test-token-0123456789';
const KEY = 'sk-test-SECRETKEY-0123456789abcdef';

interface Reply {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

interface Rig {
  app: App;
  dir: string;
  base: string;
  secrets: MemorySecretStore;
  call(method: string, p: string, body?: unknown, signal?: AbortSignal): Promise<Reply>;
}

async function rig(timeoutMs = 10_000): Promise<Rig> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mockdeck-ai-'));
  const secrets = new MemorySecretStore();
  const app = await openApp({ dataDir: dir, port: 0, apiToken: TOKEN, ai: { secrets: { store: secrets }, timeoutMs } });
  const state = await app.server.start();
  const base = state.url!;
  return {
    app,
    dir,
    base,
    secrets,
    async call(method, p, body, signal) {
      const res = await fetch(base + p, {
        method,
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
        ...(signal ? { signal } : {}),
      });
      const text = await res.text();
      return { status: res.status, json: text ? JSON.parse(text) : undefined };
    },
  };
}

let stub: StubProvider;
let r: Rig;

beforeAll(async () => {
  stub = await startStubProvider();
  r = await rig();
});
afterAll(async () => {
  await r.app.close();
  rmSync(r.dir, { recursive: true, force: true });
  await stub.close();
});
afterEach(() => {
  stub.requests.length = 0;
  stub.script.length = 0;
  stub.refuseJsonSchema = false;
});

const configure = (extra: Record<string, unknown> = {}) =>
  r.call('PUT', '/settings/byok', {
    provider: 'custom',
    base_url: stub.baseUrl,
    model: 'gpt-test',
    api_key: KEY,
    ...extra,
  });

describe('without a provider', () => {
  it('GET /settings/byok shows it disabled, and generation says how to set one up', async () => {
    const got = await r.call('GET', '/settings/byok');
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({ enabled: false, provider: null, api_key_masked: null });
    const gen = await r.call('POST', '/ai/generate/project', { prompt: 'a blog API' });
    expect(gen.status).toBe(400);
    expect(gen.json.error).toBe('AI_NOT_CONFIGURED');
    expect(gen.json.message).toMatch(/No AI provider is set up/);
    expect(gen.json.hint).toContain('sidebar → AI');
    expect(gen.json.hint).toContain('PUT /settings/byok');
    expect(stub.requests).toHaveLength(0);
  });

  it('refuses a PUT without the fields it needs, naming them', async () => {
    const noKey = await r.call('PUT', '/settings/byok', { provider: 'openai' });
    expect(noKey.status).toBe(400);
    expect(noKey.json).toMatchObject({ error: 'VALIDATION_ERROR', field: 'api_key' });
    const badUrl = await r.call('PUT', '/settings/byok', { provider: 'custom', base_url: 'ftp://x', model: 'm' });
    expect(badUrl.json).toMatchObject({ error: 'VALIDATION_ERROR', field: 'base_url' });
    const badProvider = await r.call('PUT', '/settings/byok', { provider: 'gemini' });
    expect(badProvider.json.field).toBe('provider');
    expect(badProvider.json.message).toContain('openai, ollama, lmstudio, custom');
  });
});

describe('with a provider', () => {
  beforeAll(async () => {
    const put = await configure();
    expect(put.status).toBe(200);
  });

  it('PUT and GET show the settings with the key masked, never the key', async () => {
    const got = await r.call('GET', '/settings/byok');
    expect(got.json).toMatchObject({
      enabled: true,
      provider: 'custom',
      base_url: stub.baseUrl,
      model: 'gpt-test',
      monthly_token_limit: null,
    });
    expect(got.json.api_key_masked).toMatch(/^sk-.*•••$/);
    expect(JSON.stringify(got.json)).not.toContain(KEY);
    // The in-process view (what IPC returns) has no key either.
    const view = await r.app.router.call('ai.byok', undefined);
    expect(JSON.stringify(view)).not.toContain(KEY);
    expect(await r.secrets.get('ai.apiKey')).toBe(KEY);
  });

  it('POST /ai/generate/project sends the key as a Bearer token, the model and a JSON schema; answers { data: endpoints }', async () => {
    const gen = await r.call('POST', '/ai/generate/project', { prompt: 'A small library API with books' });
    expect(gen.status).toBe(200);
    expect(gen.json).toEqual({ data: STUB_PROJECT.endpoints });
    expect(stub.requests).toHaveLength(1);
    const [sent] = stub.requests;
    expect(sent!.authorization).toBe(`Bearer ${KEY}`);
    expect(sent!.body.model).toBe('gpt-test');
    expect(sent!.body.response_format?.type).toBe('json_schema');
    expect(sent!.body.response_format?.json_schema?.name).toBe('mock_api_project');
    expect(sent!.body.messages.at(-1)).toEqual({ role: 'user', content: 'A small library API with books' });
  });

  it('the project answer feeds POST /projects/batch-create unchanged, and its mocks answer', async () => {
    const gen = await r.call('POST', '/ai/generate/project', { prompt: 'A small library API with books' });
    const created = await r.call('POST', '/projects/batch-create', { name: 'Library', endpoints: gen.json.data });
    expect(created.status).toBe(201);
    expect(created.json.message).toBe('Project created with 3 mocks and 5 responses');
    const slug: string = created.json.data.slug;
    // POST /books has one scenario; GET /books two without conditions, which batch-create
    // makes a weighted random pair (mockbird's mapping), so it answers either.
    const created201 = await fetch(`${r.base}/m/${slug}/books`, { method: 'POST', body: '{}' });
    expect(created201.status).toBe(201);
    expect(await created201.json()).toEqual(STUB_PROJECT.endpoints[2]!.scenarios[0]!.responseBody);
    const list = await fetch(`${r.base}/m/${slug}/books`);
    const scenario = STUB_PROJECT.endpoints[0]!.scenarios.find((sc) => sc.status === list.status);
    expect(scenario, `GET /books answered ${list.status}`).toBeDefined();
    expect(await list.json()).toEqual(scenario!.responseBody);
  });

  it('POST /ai/generate/mock-data answers { data: … }', async () => {
    const gen = await r.call('POST', '/ai/generate/mock-data', { prompt: 'three blog posts with authors' });
    expect(gen.status).toBe(200);
    expect(gen.json).toEqual({ data: STUB_MOCK_DATA.data });
    expect(stub.requests[0]!.body.response_format?.json_schema?.name).toBe('mock_data');
  });

  it('a prompt over 1,000 characters, or none, is a 400 naming prompt', async () => {
    const long = await r.call('POST', '/ai/generate/project', { prompt: 'x'.repeat(1001) });
    expect(long.status).toBe(400);
    expect(long.json).toMatchObject({ error: 'VALIDATION_ERROR', field: 'prompt' });
    expect(long.json.message).toContain('1000 characters');
    const none = await r.call('POST', '/ai/generate/mock-data', {});
    expect(none.status).toBe(400);
    expect(none.json).toMatchObject({ error: 'VALIDATION_ERROR', field: 'prompt' });
    expect(none.json.message).toContain('prompt is required');
    const exactly = await r.call('POST', '/ai/generate/mock-data', { prompt: 'y'.repeat(1000) });
    expect(exactly.status).toBe(200);
    expect(stub.requests).toHaveLength(1);
  });

  it('repairs a malformed answer once, telling the model what was wrong', async () => {
    const bad = { endpoints: [{ ...STUB_PROJECT.endpoints[0], route: 'books' }] };
    stub.script.push({ content: JSON.stringify(bad) });
    const gen = await r.call('POST', '/ai/generate/project', { prompt: 'books' });
    expect(gen.status).toBe(200);
    expect(gen.json.data).toEqual(STUB_PROJECT.endpoints);
    expect(stub.requests).toHaveLength(2);
    const repair = stub.requests[1]!.body.messages;
    expect(repair.at(-2)).toEqual({ role: 'assistant', content: JSON.stringify(bad) });
    expect(repair.at(-1)!.content).toContain('endpoints.0.route: route must start with "/"');
  });

  it('a second malformed answer is a readable error, after exactly two provider calls', async () => {
    stub.script.push(
      { content: 'Sure! Here is your API: endpoints are /users and /posts.' },
      { content: '{"endpoints": []}' },
    );
    const gen = await r.call('POST', '/ai/generate/project', { prompt: 'users and posts' });
    expect(gen.status).toBe(502);
    expect(gen.json.error).toBe('AI_PROVIDER_ERROR');
    expect(gen.json.message).toBe(
      'The model "gpt-test" answered project that MockDeck cannot use, twice: endpoints: the answer has no endpoints.',
    );
    expect(gen.json.hint).toMatch(/larger model/);
    expect(stub.requests).toHaveLength(2);
  });

  it('a model answer fenced in markdown is read; a provider without json_schema gets JSON mode', async () => {
    stub.refuseJsonSchema = true;
    stub.script.push({ content: `\`\`\`json\n${JSON.stringify(STUB_MOCK_DATA)}\n\`\`\`` });
    const gen = await r.call('POST', '/ai/generate/mock-data', { prompt: 'posts' });
    expect(gen.status).toBe(200);
    expect(gen.json.data).toEqual(STUB_MOCK_DATA.data);
    expect(stub.requests.map((q) => q.body.response_format?.type)).toEqual(['json_schema', 'json_object']);
  });

  it('a refused key is a readable 502 that never quotes the key', async () => {
    stub.script.push({ status: 401, error: `Incorrect API key provided: ${KEY}.` });
    const gen = await r.call('POST', '/ai/generate/mock-data', { prompt: 'posts' });
    expect(gen.status).toBe(502);
    expect(gen.json.message).toMatch(/^The AI provider at http:\/\/127\.0\.0\.1:\d+ refused the API key \(HTTP 401\)/);
    expect(gen.json.hint).toContain('sidebar → AI');
    expect(JSON.stringify(gen.json)).not.toContain(KEY);
  });

  it('an unreachable provider is a readable 502', async () => {
    const port = await freePort();
    await r.call('PUT', '/settings/byok', { provider: 'custom', base_url: `http://127.0.0.1:${port}/v1` });
    try {
      const gen = await r.call('POST', '/ai/generate/mock-data', { prompt: 'posts' });
      expect(gen.status).toBe(502);
      expect(gen.json.message).toBe(
        `Could not reach the AI provider at http://127.0.0.1:${port}: connection refused (nothing listens there).`,
      );
    } finally {
      await configure();
    }
  });

  it("counts the provider's tokens per month and refuses past the monthly limit", async () => {
    const before = (await r.call('GET', '/settings/byok')).json.tokens_used_this_month as number;
    await configure({ monthly_token_limit: before + 300 });
    // 200 tokens a call (the stub's usage): the first two run, the third is refused unsent.
    expect((await r.call('POST', '/ai/generate/mock-data', { prompt: 'a' })).status).toBe(200);
    expect((await r.call('POST', '/ai/generate/mock-data', { prompt: 'b' })).status).toBe(200);
    // The answer is capped at what the limit has left.
    expect(stub.requests[1]!.body.max_tokens).toBe(100);
    const refused = await r.call('POST', '/ai/generate/mock-data', { prompt: 'c' });
    expect(refused.status).toBe(429);
    expect(refused.json.error).toBe('AI_LIMIT_REACHED');
    expect(refused.json.message).toMatch(/This month's AI token limit is used up: [\d,]+ of [\d,]+ tokens/);
    expect(refused.json.hint).toContain('monthly_token_limit');
    expect(stub.requests).toHaveLength(2);
    const view = (await r.call('GET', '/settings/byok')).json;
    expect(view.tokens_used_this_month).toBe(before + 400);
    expect(view.month).toMatch(/^\d{4}-\d{2}$/);
    await configure({ monthly_token_limit: null });
    expect((await r.call('POST', '/ai/generate/mock-data', { prompt: 'd' })).status).toBe(200);
  });

  it('is a contract call every transport that may make it reaches, MCP included', async () => {
    const res = await r.app.router.call('ai.generateProject', { prompt: 'books' }, 'mcp');
    expect(res).toEqual({ ok: true, value: STUB_PROJECT.endpoints });
    const setKey = await r.app.router.call('ai.setByok', { provider: 'openai', api_key: 'sk-x-12345678' }, 'mcp');
    expect(setKey.ok).toBe(false);
  });

  it('a client that disconnects cancels the provider call', async () => {
    stub.script.push({ hang: true });
    const aborted = stub.aborted;
    const controller = new AbortController();
    const pending = r
      .call('POST', '/ai/generate/project', { prompt: 'slow' }, controller.signal)
      .catch((e: Error) => e);
    await waitFor(() => stub.requests.length === 1);
    controller.abort();
    expect(await pending).toBeInstanceOf(Error);
    await waitFor(() => stub.aborted === aborted + 1);
  });

  it('DELETE /settings/byok removes the settings and the key from the keychain', async () => {
    const del = await r.call('DELETE', '/settings/byok');
    expect(del.json).toEqual({ success: true, message: 'BYOK configuration deleted' });
    expect(await r.secrets.get('ai.apiKey')).toBeNull();
    expect((await r.call('GET', '/settings/byok')).json.enabled).toBe(false);
    await configure();
  });

  it('leaves the key in no file of the data dir (databases, WAL, logs, token)', async () => {
    // Errors were logged and the databases written above; settle them to disk first.
    r.app.store.db.pragma('wal_checkpoint(FULL)');
    await r.app.server.settleLogs();
    const files = filesUnder(r.dir);
    expect(files.some((f) => f.endsWith('catalog.db'))).toBe(true);
    for (const f of files) expect(readFileSync(f).includes(KEY), f).toBe(false);
    // …while the settings themselves are there.
    expect(files.some((f) => readFileSync(f).includes('gpt-test'))).toBe(true);
  });
});

describe('timeouts', () => {
  it('a provider that does not answer in time is a readable 504, and the call is cancelled', async () => {
    const slow = await rig(300);
    try {
      await slow.call('PUT', '/settings/byok', { provider: 'ollama', base_url: stub.baseUrl });
      stub.script.push({ hang: true });
      const aborted = stub.aborted;
      const gen = await slow.call('POST', '/ai/generate/mock-data', { prompt: 'posts' });
      expect(gen.status).toBe(504);
      expect(gen.json.error).toBe('AI_TIMEOUT');
      expect(gen.json.message).toMatch(/^The AI provider at http:\/\/127\.0\.0\.1:\d+ did not answer within 300 ms\.$/);
      await waitFor(() => stub.aborted === aborted + 1);
      // Ollama needs no key: none was sent.
      expect(stub.requests[0]!.authorization).toBeUndefined();
      expect(stub.requests[0]!.body.model).toBe('llama3.2');
    } finally {
      await slow.app.close();
      rmSync(slow.dir, { recursive: true, force: true });
    }
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

async function waitFor(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !cond(); i++) await new Promise((res) => setTimeout(res, 10));
  expect(cond()).toBe(true);
}
