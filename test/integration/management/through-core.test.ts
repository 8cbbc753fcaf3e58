import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../../main/core/core';

/** The plugin as the real MockServer mounts it, next to the public /m/ execution routes. */
let core: Core;
let base: string;
const token = 'core-test-token';
const call = async (method: string, path: string, body?: unknown, auth = true) => {
  const headers: Record<string, string> = auth ? { authorization: `Bearer ${token}` } : {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(base + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined, text };
};

beforeAll(async () => {
  // A long flush interval: the logs endpoint must flush queued logs itself.
  core = Core.open({ dataDir: null, apiToken: token, port: 0, logFlushMs: 60_000 });
  const state = await core.server.start({ port: 0 });
  base = state.url!;
});
afterAll(async () => {
  await core.close();
});

describe('management API on the MockServer main listener', () => {
  it('builds a mock over REST, serves it publicly under /m/, and reports the call in logs and stats', async () => {
    const p = await call('POST', '/projects', { name: 'My API' });
    expect(p.status).toBe(201);
    const projectId = p.json.data.project_id;
    const m = await call('POST', `/projects/${projectId}/mocks`, {
      name: 'Get user',
      path: '/users/{id}',
      method: 'GET',
    });
    const mockId = m.json.data.mock_id;
    await call('POST', `/mocks/${mockId}/responses`, {
      name: 'OK',
      statusCode: 200,
      headers: { 'X-Mock': 'yes' },
      body: '{"id":1}',
      isDefault: true,
    });
    await call('POST', `/mocks/${mockId}/responses`, {
      name: 'Admin',
      statusCode: 403,
      body: '{"error":"forbidden"}',
      conditions: [{ type: 'header', field: 'x-role', operator: 'equals', value: 'guest' }],
    });

    // /m/ needs no token.
    const hit = await fetch(`${base}/m/my-api/users/7`);
    expect(hit.status).toBe(200);
    expect(hit.headers.get('x-mock')).toBe('yes');
    expect(await hit.json()).toEqual({ id: 1 });
    const guest = await fetch(`${base}/m/my-api/users/8`, { headers: { 'x-role': 'guest' } });
    expect(guest.status).toBe(403);

    // The management API does.
    expect((await call('GET', '/projects', undefined, false)).status).toBe(401);

    const logs = await call('GET', `/mocks/${mockId}/request-logs`);
    expect(logs.status).toBe(200);
    expect(logs.json.pagination).toMatchObject({ page: 1, limit: 50, total: 2 });
    expect(
      logs.json.data.map((l: { request_path: string; response_status: number }) => [l.request_path, l.response_status]),
    ).toEqual([
      ['/users/8', 403],
      ['/users/7', 200],
    ]);

    const stats = await call('GET', `/projects/${projectId}/stats`);
    expect(stats.json.data).toMatchObject({ projectId, totalRequests: 2 });
    expect(stats.json.data.mocks[0]).toMatchObject({ mock_id: mockId, total_requests: 2 });
  });

  it('keeps /m/ errors in the execution shape and management 404s in the API shape', async () => {
    const missing = await fetch(`${base}/m/no-such-project/x`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toBe('PROJECT_NOT_FOUND');
    const unknown = await call('GET', '/no-such-route');
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toBe('NOT_FOUND');
    const bad = await call('POST', '/projects', { name: '' });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: 'VALIDATION_ERROR', field: 'name' });
  });
});
