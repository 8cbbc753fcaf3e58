import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from './harness';

let api: Api;
let mockId: string;
let responseId: string;
let brokenId: string;
let plainId: string;

beforeAll(async () => {
  api = await startApi();
  const project = api.catalog.projects.create({ name: 'Preview', templatingSeed: 7 });
  const mock = api.catalog.mocks.create(project.id, { name: 'Get user', method: 'GET', path: '/users/{id}' });
  mockId = mock.id;
  responseId = api.catalog.responses.create(mockId, {
    name: 'templated',
    headers: { 'X-User': "{{urlParam 'id'}}" },
    body: `{"id": "{{urlParam 'id'}}", "tab": "{{queryParam 'tab'}}", "role": "{{header 'x-role'}}", "name": "{{body 'name'}}", "method": "{{method}}"}`,
  }).id;
  brokenId = api.catalog.responses.create(mockId, {
    name: 'broken',
    body: `{\n  "a": 1,\n  "b": "{{#repeat 2}}x{{/each}}"\n}`,
  }).id;
  plainId = api.catalog.responses.create(mockId, {
    name: 'off',
    body: "{{urlParam 'id'}}",
    disableTemplating: true,
  }).id;
});
afterAll(async () => {
  await api.close();
});

describe('responses.preview (the use case, every transport)', () => {
  it("renders a stored response for the mock's path with example parameters by default", async () => {
    const r = await api.core.router.call('responses.preview', { mockId, responseId });
    expect(r).toMatchObject({ ok: true });
    if (!r.ok || !r.value.ok) throw new Error('expected a rendered preview');
    expect(JSON.parse(r.value.body)).toEqual({ id: '42', tab: '', role: '', name: '', method: 'GET' });
    expect(r.value.headers['X-User'] ?? r.value.headers['x-user']).toBe('42');
    expect(r.value.request).toEqual({ method: 'GET', path: '/users/42', params: { id: '42' } });
  });

  it('renders an unsaved body against the sample request: path, query, headers and body', async () => {
    const r = await api.core.router.call('responses.preview', {
      mockId,
      responseId,
      request: {
        path: '/users/ada?tab=profile',
        headers: { 'X-Role': 'admin', 'content-type': 'application/json' },
        body: '{"name": "Ada"}',
      },
    });
    if (!r.ok || !r.value.ok) throw new Error(`expected a rendered preview: ${JSON.stringify(r)}`);
    expect(JSON.parse(r.value.body)).toEqual({ id: 'ada', tab: 'profile', role: 'admin', name: 'Ada', method: 'GET' });
    const unsaved = await api.core.router.call('responses.preview', { mockId, body: "{{urlParam 'id'}}!" });
    expect(unsaved.ok && unsaved.value.ok && unsaved.value.body).toBe('42!');
  });

  it("uses the project's templating seed: the same fake data preview after preview", async () => {
    const body = "{{faker 'person.firstName'}} {{int 1 1000000}}";
    const first = await api.core.router.call('responses.preview', { mockId, body });
    const second = await api.core.router.call('responses.preview', { mockId, body });
    if (!first.ok || !first.value.ok || !second.ok || !second.value.ok) throw new Error('expected two previews');
    expect(first.value.body).toMatch(/^\S+ \d+$/);
    expect(second.value.body).toBe(first.value.body);
  });

  it('answers a broken template with its line and what is wrong, not an error of the call', async () => {
    const r = await api.core.router.call('responses.preview', { mockId, responseId: brokenId });
    if (!r.ok || r.value.ok) throw new Error(`expected a template problem: ${JSON.stringify(r)}`);
    expect(r.value.error.line).toBe(3);
    expect(r.value.error.message).toMatch(/repeat|each/);
  });

  it('previews a response with templating off as it is sent', async () => {
    const r = await api.core.router.call('responses.preview', { mockId, responseId: plainId });
    expect(r.ok && r.value.ok && r.value.body).toBe("{{urlParam 'id'}}");
    const on = await api.core.router.call('responses.preview', {
      mockId,
      responseId: plainId,
      disableTemplating: false,
    });
    expect(on.ok && on.value.ok && on.value.body).toBe('42');
  });

  it('names the problem with a sample it cannot render against', async () => {
    const miss = await api.core.router.call('responses.preview', {
      mockId,
      responseId,
      request: { path: '/orders/1' },
    });
    expect(miss).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_ERROR', field: 'request.path', message: expect.stringContaining('/users/{id}') },
    });
    const none = await api.core.router.call('responses.preview', { mockId });
    expect(none).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', field: 'body' } });
    const other = await api.core.router.call('responses.preview', { mockId: 'nope', body: 'x' });
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('lists the helpers the editor completes, each with a signature, a description and a group', async () => {
    const r = await api.core.router.call('templating.helpers', {});
    if (!r.ok) throw new Error('expected the helper list');
    const names = r.value.map((h) => h.name);
    for (const n of ['urlParam', 'queryParam', 'faker', 'repeat', 'eq', 'dateTimeShift']) expect(names).toContain(n);
    for (const h of r.value) {
      expect(h.signature).not.toBe('');
      expect(h.description).not.toBe('');
      expect(h.group).not.toBe('');
    }
  });
});

describe('POST /mocks/:id/responses/:responseId/preview', () => {
  it('answers the rendered body and headers', async () => {
    const r = await api.call('POST', `/mocks/${mockId}/responses/${responseId}/preview`, {
      request: { path: '/users/7', headers: { 'x-role': 'dev' } },
    });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.json.data.body)).toMatchObject({ id: '7', role: 'dev' });
    expect(r.json.data.request).toEqual({ method: 'GET', path: '/users/7', params: { id: '7' } });
    const empty = await api.call('POST', `/mocks/${mockId}/responses/${responseId}/preview`);
    expect(empty.status).toBe(200);
    expect(JSON.parse(empty.json.data.body)).toMatchObject({ id: '42' });
  });

  it('answers a broken template 422 TEMPLATE_ERROR with its line', async () => {
    const r = await api.call('POST', `/mocks/${mockId}/responses/${brokenId}/preview`, {});
    expect(r.status).toBe(422);
    expect(r.json).toMatchObject({ error: 'TEMPLATE_ERROR', line: 3, message: expect.any(String) });
  });

  it('answers 400 naming the field for a bad sample, 404 for an unknown response', async () => {
    const bad = await api.call('POST', `/mocks/${mockId}/responses/${responseId}/preview`, {
      request: { path: 'users/7' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: 'VALIDATION_ERROR', field: 'request.path' });
    const big = await api.call('POST', `/mocks/${mockId}/responses/${responseId}/preview`, {
      request: { headers: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`x-${i}`, '1'])) },
    });
    expect(big.status).toBe(400);
    expect(big.json.message).toMatch(/at most 100 headers/);
    const missing = await api.call('POST', `/mocks/${mockId}/responses/nope/preview`, {});
    expect(missing.status).toBe(404);
  });
});

describe("the preview reads the served project's data, and never changes it", () => {
  let served: string;
  let projectId: string;
  let reportId: string;

  beforeAll(async () => {
    const p = api.catalog.projects.create({ name: 'Preview data' });
    projectId = p.id;
    api.catalog.buckets.create(projectId, { name: 'users', content: '[{"id": 1, "name": "Ada"}]' });
    api.catalog.mocks.create(projectId, {
      name: 'Users',
      method: 'GET',
      path: '/users',
      kind: 'crud',
      bucket: 'users',
    });
    const hello = api.catalog.mocks.create(projectId, { name: 'Hello', method: 'GET', path: '/hello' });
    api.catalog.responses.create(hello.id, {
      name: 'greets',
      body: "{{setGlobalVar 'greeting' 'hi'}}{{getGlobalVar 'greeting'}} {{getGlobalVar 'fresh' '' 'none'}}",
    });
    reportId = api.catalog.mocks.create(projectId, { name: 'Report', method: 'GET', path: '/report' }).id;
    const state = await api.core.server.start({ port: 0 });
    served = `${state.url!}/m/${p.slug}`;
  });

  const preview = async (body: string) => {
    const r = await api.core.router.call('responses.preview', { mockId: reportId, body });
    if (!r.ok || !r.value.ok) throw new Error(`expected a rendered preview: ${JSON.stringify(r)}`);
    return r.value.body;
  };

  it("sees the buckets' current values (a CRUD write included) and the global variables", async () => {
    expect(await preview("{{len (dataRaw 'users')}} {{data 'users' '0.name'}}")).toBe('1 Ada');
    const created = await fetch(`${served}/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name": "Grace"}',
    });
    expect(created.status).toBe(201);
    expect((await fetch(`${served}/hello`)).status).toBe(200);
    expect(await preview("{{len (dataRaw 'users')}} {{data 'users' '1.name'}} {{getGlobalVar 'greeting'}}")).toBe(
      '2 Grace hi',
    );
    expect(await preview("[{{data 'nope'}}]")).toBe('[]');
  });

  it('keeps its own writes: setGlobalVar in a preview is not seen by the server', async () => {
    expect(
      await preview("{{setGlobalVar 'greeting' 'changed'}}{{setGlobalVar 'fresh' 'yes'}}{{getGlobalVar 'greeting'}}"),
    ).toBe('changed');
    const runtime = api.core.server.runtime(projectId)!;
    expect(runtime.globals.get('greeting')).toBe('hi');
    expect(runtime.globals.has('fresh')).toBe(false);
    expect(await (await fetch(`${served}/hello`)).text()).toBe('hi none');
    const list = (await (await fetch(`${served}/users`)).json()) as { name: string }[];
    expect(list.map((u) => u.name)).toEqual(['Ada', 'Grace']);
  });
});
