import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProject, startApi, type Api } from './harness';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

describe('mocks (mockbird-api.md §4)', () => {
  it('creates a mock with defaults and lists mocks with response_count', async () => {
    const { projectId } = await seedProject(api);
    const c = await api.call('POST', `/projects/${projectId}/mocks`, {
      name: 'Create order',
      path: '/orders/:orderId',
      method: 'post',
      description: 'Creates an order',
      responseType: 'xml',
      responseDelay: 500,
    });
    expect(c.status).toBe(201);
    expect(c.json.data).toMatchObject({
      project_id: projectId,
      name: 'Create order',
      path: '/orders/{orderId}',
      method: 'POST',
      description: 'Creates an order',
      response_type: 'xml',
      response_delay_ms: 500,
      response_mode: 'random',
      is_active: 1,
      response_count: 0,
    });
    const list = await api.call('GET', `/projects/${projectId}/mocks`);
    expect(list.status).toBe(200);
    expect(list.json.data.map((m: { name: string; response_count: number }) => [m.name, m.response_count])).toEqual([
      ['List users', 2],
      ['Get user', 0],
      ['Create order', 0],
    ]);
  });

  it('GET /mocks/:id includes the responses array in wire form', async () => {
    const { mockId, responseIds } = await seedProject(api);
    const r = await api.call('GET', `/mocks/${mockId}`);
    expect(r.status).toBe(200);
    expect(r.json.data.response_count).toBe(2);
    expect(r.json.data.responses).toHaveLength(2);
    const [first, second] = r.json.data.responses;
    expect(first).toMatchObject({
      response_id: responseIds[0],
      mock_id: mockId,
      name: 'Success',
      status_code: 200,
      headers: '{"X-Custom":"value"}',
      body: '{"users":[]}',
      is_default: 1,
      weight: 100,
      conditions: '[]',
    });
    expect(second.is_default).toBe(0);
    expect(JSON.parse(second.conditions)).toEqual([
      { type: 'header', field: 'x-role', operator: 'equals', value: 'admin' },
    ]);
  });

  it('PUT updates fields and toggles isActive', async () => {
    const { mockId } = await seedProject(api);
    const off = await api.call('PUT', `/mocks/${mockId}`, { isActive: false, responseDelay: 50 });
    expect(off.status).toBe(200);
    expect(off.json.data).toMatchObject({ is_active: 0, response_delay_ms: 50, name: 'List users', response_count: 2 });
    const on = await api.call('PUT', `/mocks/${mockId}`, { isActive: true, path: '/people' });
    expect(on.json.data).toMatchObject({ is_active: 1, path: '/people', response_delay_ms: 50 });
    expect((await api.call('GET', `/mocks/${mockId}`)).json.data.path).toBe('/people');
  });

  it('DELETE removes the mock and its responses', async () => {
    const { projectId, mockId, responseIds } = await seedProject(api);
    const d = await api.call('DELETE', `/mocks/${mockId}`);
    expect(d.status).toBe(200);
    expect(d.json).toEqual({ message: 'Mock deleted' });
    expect((await api.call('GET', `/mocks/${mockId}`)).status).toBe(404);
    expect(api.store.responses.get(responseIds[1]!)).toBeUndefined();
    expect((await api.call('GET', `/projects/${projectId}/mocks`)).json.data).toHaveLength(1);
  });

  it('duplicate clones the mock with its responses into the same project', async () => {
    const { projectId, mockId } = await seedProject(api);
    const r = await api.call('POST', `/mocks/${mockId}/duplicate`);
    expect(r.status).toBe(201);
    expect(r.json.data).toMatchObject({
      name: 'List users (Copy)',
      project_id: projectId,
      path: '/users',
      response_count: 2,
    });
    expect(r.json.data.mock_id).not.toBe(mockId);
    const responses = (await api.call('GET', `/mocks/${r.json.data.mock_id}/responses`)).json.data;
    expect(responses.map((x: { name: string }) => x.name)).toEqual(['Success', 'Admin']);
    expect((await api.call('GET', `/projects/${projectId}/mocks`)).json.data).toHaveLength(3);
  });
});

describe('responses (mockbird-api.md §5)', () => {
  it('creates a response with the documented defaults', async () => {
    const { otherMockId } = await seedProject(api);
    const r = await api.call('POST', `/mocks/${otherMockId}/responses`, {});
    expect(r.status).toBe(201);
    expect(r.json.data).toMatchObject({
      mock_id: otherMockId,
      name: 'Response',
      status_code: 200,
      headers: '{}',
      body: '',
      is_default: 0,
      weight: 100,
      conditions: '[]',
    });
  });

  it('lists responses as the spec shows them', async () => {
    const { mockId } = await seedProject(api);
    const r = await api.call('GET', `/mocks/${mockId}/responses`);
    expect(r.status).toBe(200);
    expect(r.json.data.map((x: { name: string; is_default: number }) => [x.name, x.is_default])).toEqual([
      ['Success', 1],
      ['Admin', 0],
    ]);
    expect(typeof r.json.data[0].headers).toBe('string');
  });

  it('isDefault: true on create or update unsets the previous default', async () => {
    const { mockId, responseIds } = await seedProject(api);
    const defaults = async () =>
      (await api.call('GET', `/mocks/${mockId}/responses`)).json.data
        .filter((x: { is_default: number }) => x.is_default === 1)
        .map((x: { response_id: string }) => x.response_id);
    expect(await defaults()).toEqual([responseIds[0]]);

    const put = await api.call('PUT', `/mocks/${mockId}/responses/${responseIds[1]}`, { isDefault: true });
    expect(put.status).toBe(200);
    expect(put.json.data.is_default).toBe(1);
    expect(await defaults()).toEqual([responseIds[1]]);

    const created = await api.call('POST', `/mocks/${mockId}/responses`, { name: 'New default', isDefault: true });
    expect(await defaults()).toEqual([created.json.data.response_id]);
  });

  it('PUT changes only the given fields, including headers and conditions', async () => {
    const { mockId, responseIds } = await seedProject(api);
    const r = await api.call('PUT', `/mocks/${mockId}/responses/${responseIds[0]}`, {
      statusCode: 201,
      headers: { 'X-Other': 'yes' },
      conditions: [{ type: 'query', field: 'page', operator: 'regex', value: '^[0-9]+$' }],
    });
    expect(r.status).toBe(200);
    expect(r.json.data).toMatchObject({
      name: 'Success',
      status_code: 201,
      headers: '{"X-Other":"yes"}',
      body: '{"users":[]}',
    });
    expect(JSON.parse(r.json.data.conditions)).toEqual([
      { type: 'query', field: 'page', operator: 'regex', value: '^[0-9]+$' },
    ]);
  });

  it('takes a repeated header as a list and keeps single values as plain strings on the wire', async () => {
    const { mockId, responseIds } = await seedProject(api);
    const r = await api.call('PUT', `/mocks/${mockId}/responses/${responseIds[0]}`, {
      headers: { 'X-One': 'single', 'Set-Cookie': ['a=1; Path=/', 'b=2'] },
    });
    expect(r.status).toBe(200);
    expect(r.json.data.headers).toBe('{"X-One":"single","Set-Cookie":["a=1; Path=/","b=2"]}');
    const bad = await api.call('PUT', `/mocks/${mockId}/responses/${responseIds[0]}`, {
      headers: { 'Set-Cookie': ['a=1', 'b=2\r\nX-Injected: 1'] },
    });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: 'VALIDATION_ERROR' });
    expect(bad.json.message).toMatch(/line breaks/);
    expect(bad.json.hint).toMatch(/list of strings/);
  });

  it('DELETE removes one response; it must belong to the mock in the URL', async () => {
    const { mockId, otherMockId, responseIds } = await seedProject(api);
    expect((await api.call('DELETE', `/mocks/${otherMockId}/responses/${responseIds[0]}`)).status).toBe(404);
    expect((await api.call('PUT', `/mocks/${otherMockId}/responses/${responseIds[0]}`, { name: 'x' })).status).toBe(
      404,
    );
    const d = await api.call('DELETE', `/mocks/${mockId}/responses/${responseIds[0]}`);
    expect(d.status).toBe(200);
    expect(d.json).toEqual({ message: 'Response deleted' });
    const left = (await api.call('GET', `/mocks/${mockId}/responses`)).json.data;
    expect(left.map((x: { response_id: string }) => x.response_id)).toEqual([responseIds[1]]);
    expect((await api.call('DELETE', `/mocks/${mockId}/responses/${responseIds[0]}`)).status).toBe(404);
  });
});
