import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProject, startApi, type Api } from './harness';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

describe('projects (mockbird-api.md §3)', () => {
  it('creates a project: 201, snake_case wire shape, is_public as 0/1', async () => {
    const r = await api.call('POST', '/projects', { name: 'My API', description: 'Test project', isPublic: true });
    expect(r.status).toBe(201);
    expect(r.json.data).toMatchObject({
      name: 'My API',
      description: 'Test project',
      slug: 'my-api',
      user_id: 'local',
      org_id: null,
      is_public: 1,
      mock_count: 0,
    });
    expect(r.json.data.project_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof r.json.data.created_at).toBe('string');
    expect(r.headers.get('content-type')).toMatch(/application\/json/);
  });

  it('lists projects with mock_count and filters with ?search= on name or description', async () => {
    const { projectId } = await seedProject(api, 'Search Target');
    await api.call('POST', '/projects', { name: 'Other', description: 'nothing to see' });
    const all = await api.call('GET', '/projects');
    expect(all.status).toBe(200);
    const seeded = all.json.data.find((p: { project_id: string }) => p.project_id === projectId);
    expect(seeded.mock_count).toBe(2);
    expect(seeded.is_public).toBe(0);

    const byName = await api.call('GET', '/projects?search=search%20TARGET');
    expect(byName.json.data.map((p: { name: string }) => p.name)).toEqual(['Search Target']);
    const byDescription = await api.call('GET', '/projects?search=orders');
    expect(byDescription.json.data.map((p: { project_id: string }) => p.project_id)).toContain(projectId);
    const none = await api.call('GET', '/projects?search=zzz-no-match');
    expect(none.json.data).toEqual([]);
    const empty = await api.call('GET', '/projects?search=');
    expect(empty.json.data.length).toBe(all.json.data.length);
  });

  it('GET /projects/:id includes the mocks array with response_count', async () => {
    const { projectId, mockId } = await seedProject(api, 'With Mocks');
    const r = await api.call('GET', `/projects/${projectId}`);
    expect(r.status).toBe(200);
    expect(r.json.data.project_id).toBe(projectId);
    expect(r.json.data.mocks).toHaveLength(2);
    expect(r.json.data.mocks[0]).toMatchObject({
      mock_id: mockId,
      path: '/users',
      method: 'GET',
      is_active: 1,
      response_count: 2,
    });
    expect(r.json.data.mocks[1]).toMatchObject({
      path: '/users/{id}',
      method: 'GET',
      response_delay_ms: 5,
      response_count: 0,
    });
  });

  it('PUT updates only the given fields', async () => {
    const c = await api.call('POST', '/projects', { name: 'Before', description: 'keep me' });
    const id = c.json.data.project_id;
    const r = await api.call('PUT', `/projects/${id}`, { name: 'After', isPublic: true });
    expect(r.status).toBe(200);
    expect(r.json.data).toMatchObject({ name: 'After', description: 'keep me', is_public: 1, slug: 'before' });
    expect((await api.call('GET', `/projects/${id}`)).json.data.name).toBe('After');
  });

  it('DELETE cascades to mocks and responses', async () => {
    const { projectId, mockId, responseIds } = await seedProject(api, 'Doomed');
    const d = await api.call('DELETE', `/projects/${projectId}`);
    expect(d.status).toBe(200);
    expect(d.json).toEqual({ message: 'Project deleted' });
    expect((await api.call('GET', `/projects/${projectId}`)).status).toBe(404);
    expect((await api.call('GET', `/mocks/${mockId}`)).status).toBe(404);
    expect((await api.call('GET', `/mocks/${mockId}/responses`)).status).toBe(404);
    expect(api.store.responses.get(responseIds[0]!)).toBeUndefined();
    expect((await api.call('DELETE', `/projects/${projectId}`)).status).toBe(404);
  });

  it('duplicate deep-clones every mock and response with new ids, independent of the original', async () => {
    const { projectId, mockId } = await seedProject(api, 'Original');
    const dup = await api.call('POST', `/projects/${projectId}/duplicate`);
    expect(dup.status).toBe(201);
    expect(dup.json.data).toMatchObject({ name: 'Original (Copy)', slug: 'original-copy', mock_count: 2 });
    const cloneId = dup.json.data.project_id;
    expect(cloneId).not.toBe(projectId);

    const orig = (await api.call('GET', `/projects/${projectId}`)).json.data;
    const clone = (await api.call('GET', `/projects/${cloneId}`)).json.data;
    expect(clone.mocks.map((m: { path: string }) => m.path)).toEqual(orig.mocks.map((m: { path: string }) => m.path));
    const origIds = new Set(orig.mocks.map((m: { mock_id: string }) => m.mock_id));
    for (const m of clone.mocks) expect(origIds.has(m.mock_id)).toBe(false);

    const cloneMockId = clone.mocks[0].mock_id;
    const origResponses = (await api.call('GET', `/mocks/${mockId}/responses`)).json.data;
    const cloneResponses = (await api.call('GET', `/mocks/${cloneMockId}/responses`)).json.data;
    expect(cloneResponses).toHaveLength(2);
    const strip = (r: Record<string, unknown>) => ({
      ...r,
      response_id: undefined,
      mock_id: undefined,
      created_at: undefined,
      updated_at: undefined,
    });
    expect(cloneResponses.map(strip)).toEqual(origResponses.map(strip));
    expect(cloneResponses[0].response_id).not.toBe(origResponses[0].response_id);

    // Editing or deleting the clone leaves the original alone.
    await api.call('PUT', `/mocks/${cloneMockId}/responses/${cloneResponses[0].response_id}`, { body: 'changed' });
    await api.call('DELETE', `/mocks/${clone.mocks[1].mock_id}`);
    expect((await api.call('GET', `/mocks/${mockId}/responses`)).json.data[0].body).toBe('{"users":[]}');
    expect((await api.call('GET', `/projects/${projectId}`)).json.data.mocks).toHaveLength(2);

    // A second copy gets the next free slug.
    const again = await api.call('POST', `/projects/${projectId}/duplicate`);
    expect(again.json.data.slug).toBe('original-copy-2');
  });

  it('batch-create makes the project, its mocks and scenarios in one step', async () => {
    const r = await api.call('POST', '/projects/batch-create', {
      name: 'Social Media API',
      description: 'Auto-generated project using AI',
      isPublic: false,
      endpoints: [
        {
          method: 'GET',
          route: '/users',
          description: 'Gets users',
          scenarios: [
            { name: 'Success', status: 200, responseBody: [{ id: 1 }] },
            { name: 'Server Error', status: 500, responseBody: { error: 'Internal Server Error' } },
          ],
        },
        { method: 'post', route: '/posts/{id}', scenarios: [] },
      ],
    });
    expect(r.status).toBe(201);
    expect(r.json.message).toMatch(/2 mocks and 2 responses/);
    expect(r.json.data).toMatchObject({ name: 'Social Media API', slug: 'social-media-api', mock_count: 2 });
    const project = (await api.call('GET', `/projects/${r.json.data.project_id}`)).json.data;
    expect(project.mocks.map((m: { method: string; path: string }) => `${m.method} ${m.path}`)).toEqual([
      'GET /users',
      'POST /posts/{id}',
    ]);
    const responses = (await api.call('GET', `/mocks/${project.mocks[0].mock_id}/responses`)).json.data;
    expect(responses.map((x: { status_code: number; is_default: number }) => [x.status_code, x.is_default])).toEqual([
      [200, 1],
      [500, 0],
    ]);
    expect(JSON.parse(responses[0].body)).toEqual([{ id: 1 }]);
  });

  it('batch-create with an invalid endpoint in the middle is a 400 naming it, and creates nothing', async () => {
    const before = (await api.call('GET', '/projects')).json.data.length;
    const r = await api.call('POST', '/projects/batch-create', {
      name: 'Half Broken',
      endpoints: [
        { method: 'GET', route: '/ok', scenarios: [{ status: 200, responseBody: {} }] },
        { method: 'GET', route: 'no-slash', scenarios: [] },
        { method: 'GET', route: '/also-ok', scenarios: [] },
      ],
    });
    expect(r.status).toBe(400);
    expect(r.json.error).toBe('VALIDATION_ERROR');
    expect(r.json.field).toBe('endpoints.1.route');
    expect(r.json.message).toMatch(/must start with "\/"/);
    const after = (await api.call('GET', '/projects')).json.data;
    expect(after.length).toBe(before);
    expect(after.some((p: { name: string }) => p.name === 'Half Broken')).toBe(false);
  });

  it('stats: totals and the per-mock breakdown in the spec shape', async () => {
    const { projectId, mockId, otherMockId } = await seedProject(api, 'Stats');
    const log = (mid: string | null, ms: number, at: string) => ({
      id: crypto.randomUUID(),
      projectId,
      mockId: mid,
      responseId: null,
      requestPath: '/users',
      requestMethod: 'GET',
      requestHeaders: {},
      requestQuery: {},
      requestBody: '',
      responseStatus: mid ? 200 : 404,
      responseHeaders: {},
      responseBody: '',
      responseBodyTruncated: false,
      responseTimeMs: ms,
      ipAddress: '127.0.0.1',
      userAgent: 'vitest',
      errorCode: mid ? null : 'MOCK_NOT_FOUND',
      conditionFailures: [],
      createdAt: at,
    });
    api.store.logs.insertBatch(
      [
        log(mockId, 10, '2026-02-20T10:00:00.000Z'),
        log(mockId, 20, '2026-02-20T18:00:00.000Z'),
        log(null, 1, '2026-02-21T00:00:00.000Z'),
      ],
      10_000,
    );
    const r = await api.call('GET', `/projects/${projectId}/stats`);
    expect(r.status).toBe(200);
    expect(r.json.data).toEqual({
      projectId,
      totalRequests: 3,
      lastRequestAt: '2026-02-21T00:00:00.000Z',
      mocks: [
        {
          mock_id: mockId,
          name: 'List users',
          path: '/users',
          method: 'GET',
          total_requests: 2,
          last_request_at: '2026-02-20T18:00:00.000Z',
          avg_response_time_ms: 15,
        },
        {
          mock_id: otherMockId,
          name: 'Get user',
          path: '/users/{id}',
          method: 'GET',
          total_requests: 0,
          last_request_at: null,
          avg_response_time_ms: null,
        },
      ],
    });
    expect((await api.call('GET', '/projects/00000000-0000-0000-0000-000000000000/stats')).status).toBe(404);
  });
});
