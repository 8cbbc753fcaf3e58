import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WireMock, WireProject, WireResponse } from '../../../shared/wire/mockbird';
import { wireMockSchema, wireProjectSchema, wireResponseSchema } from '../../../shared/wire/mockbird';
import type { CloudServerHandle } from '../../cloud-server';
import type { Data, ErrorBody, TestUser } from './helpers';
import { call, expectErrorShape, register, withServer } from './helpers';

let server: CloudServerHandle;
let u: TestUser;
afterEach(async () => server?.close());

describe('MockBird projects, mocks and responses under /api/v1', () => {
  beforeEach(async () => {
    server = await withServer();
    u = await register(server.url);
  });

  it('creates, lists, searches, gets (with mocks), updates and deletes projects in wire shape', async () => {
    const c = await call<Data<WireProject>>(server.url, 'POST', '/api/v1/projects', {
      token: u.token,
      body: { name: 'My API', description: 'Test project', isPublic: true },
    });
    expect(c.status).toBe(201);
    const p = c.body.data;
    expect(wireProjectSchema.safeParse(p).success).toBe(true);
    expect(p).toMatchObject({
      name: 'My API',
      description: 'Test project',
      slug: 'my-api',
      is_public: 1,
      user_id: u.userId,
      mock_count: 0,
    });
    expect(p.org_id).toBe(server.admin.personalOrg(u.userId)!.id);

    await call(server.url, 'POST', '/api/v1/projects', {
      token: u.token,
      body: { name: 'Billing', description: 'payments' },
    });
    const all = await call<Data<WireProject[]>>(server.url, 'GET', '/api/v1/projects', { token: u.token });
    expect(all.body.data.map((x) => x.name)).toEqual(['My API', 'Billing']);
    const found = await call<Data<WireProject[]>>(server.url, 'GET', '/api/v1/projects?search=PAYM', {
      token: u.token,
    });
    expect(found.body.data.map((x) => x.name)).toEqual(['Billing']);

    const upd = await call<Data<WireProject>>(server.url, 'PUT', `/api/v1/projects/${p.project_id}`, {
      token: u.token,
      body: { name: 'Renamed', isPublic: false },
    });
    expect(upd.status).toBe(200);
    expect(upd.body.data).toMatchObject({ name: 'Renamed', is_public: 0, slug: 'my-api', description: 'Test project' });

    const m = await call<Data<WireMock>>(server.url, 'POST', `/api/v1/projects/${p.project_id}/mocks`, {
      token: u.token,
      body: { name: 'Get Users', path: '/users', method: 'GET' },
    });
    const got = await call<Data<WireProject & { mocks: WireMock[] }>>(
      server.url,
      'GET',
      `/api/v1/projects/${p.project_id}`,
      { token: u.token },
    );
    expect(got.body.data.mock_count).toBe(1);
    expect(got.body.data.mocks).toEqual([{ ...m.body.data, updated_at: expect.any(String), response_count: 0 }]);

    // A JSON content type with an empty body (what many clients send on DELETE) is accepted.
    const del = await fetch(`${server.url}/api/v1/projects/${p.project_id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${u.token}`, 'content-type': 'application/json' },
    });
    expect(del.status).toBe(200);
    expect(await del.json()).toEqual({ data: { project_id: p.project_id, deleted: true } });
    expect(server.inspect.mocks(p.project_id)).toEqual([]);
    const gone = await call<ErrorBody>(server.url, 'GET', `/api/v1/projects/${p.project_id}`, { token: u.token });
    expect(gone.status).toBe(404);
    expectErrorShape(gone.body, 404, 'PROJECT_NOT_FOUND');
  });

  it('rejects invalid bodies with VALIDATION_FAILED and duplicate slugs with 409', async () => {
    const noName = await call<ErrorBody>(server.url, 'POST', '/api/v1/projects', {
      token: u.token,
      body: { description: 'x' },
    });
    expect(noName.status).toBe(400);
    expectErrorShape(noName.body, 400, 'VALIDATION_FAILED');
    expect(noName.body.details.field).toBe('name');
    const badJson = await fetch(`${server.url}/api/v1/projects`, {
      method: 'POST',
      headers: { authorization: `Bearer ${u.token}`, 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(badJson.status).toBe(400);
    expectErrorShape(await badJson.json(), 400, 'VALIDATION_FAILED');

    await call(server.url, 'POST', '/api/v1/projects', { token: u.token, body: { name: 'A', slug: 'taken' } });
    const dup = await call<ErrorBody>(server.url, 'POST', '/api/v1/projects', {
      token: u.token,
      body: { name: 'B', slug: 'taken' },
    });
    expect(dup.status).toBe(409);
    expectErrorShape(dup.body, 409, 'CONFLICT');
    // Generated slugs never collide.
    const same = await call<Data<WireProject>>(server.url, 'POST', '/api/v1/projects', {
      token: u.token,
      body: { name: 'Taken' },
    });
    expect(same.body.data.slug).toBe('taken-2');
  });

  it('manages mocks and responses with MockBird field names, conditions and default switching', async () => {
    const p = (
      await call<Data<WireProject>>(server.url, 'POST', '/api/v1/projects', { token: u.token, body: { name: 'P' } })
    ).body.data;
    const c = await call<Data<WireMock>>(server.url, 'POST', `/api/v1/projects/${p.project_id}/mocks`, {
      token: u.token,
      body: {
        name: 'Get User',
        path: '/users/:id',
        method: 'get',
        description: 'one user',
        responseType: 'json',
        responseDelay: 5,
      },
    });
    expect(c.status).toBe(201);
    const mock = c.body.data;
    expect(wireMockSchema.safeParse(mock).success).toBe(true);
    expect(mock).toMatchObject({
      path: '/users/{id}',
      method: 'GET',
      response_delay_ms: 5,
      is_active: 1,
      response_type: 'json',
    });

    const bad = await call<ErrorBody>(server.url, 'POST', `/api/v1/projects/${p.project_id}/mocks`, {
      token: u.token,
      body: { name: 'x', path: 'users', method: 'GET' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.field).toBe('path');

    const r1 = await call<Data<WireResponse>>(server.url, 'POST', `/api/v1/mocks/${mock.mock_id}/responses`, {
      token: u.token,
      body: {
        name: 'Admin',
        statusCode: 200,
        headers: { 'X-Custom': 'value' },
        body: '{"role":"admin"}',
        isDefault: true,
        weight: 50,
        conditions: [{ type: 'header', field: 'x-role', operator: 'equals', value: 'admin' }],
      },
    });
    expect(r1.status).toBe(201);
    expect(wireResponseSchema.safeParse(r1.body.data).success).toBe(true);
    expect(r1.body.data).toMatchObject({
      name: 'Admin',
      status_code: 200,
      headers: '{"X-Custom":"value"}',
      is_default: 1,
      weight: 50,
    });
    expect(JSON.parse(r1.body.data.conditions)).toEqual([
      { type: 'header', field: 'x-role', operator: 'equals', value: 'admin' },
    ]);

    const r2 = await call<Data<WireResponse>>(server.url, 'POST', `/api/v1/mocks/${mock.mock_id}/responses`, {
      token: u.token,
      body: { isDefault: true },
    });
    expect(r2.body.data).toMatchObject({
      name: 'Response',
      status_code: 200,
      headers: '{}',
      body: '',
      is_default: 1,
      weight: 100,
      conditions: '[]',
    });
    const list = await call<Data<WireResponse[]>>(server.url, 'GET', `/api/v1/mocks/${mock.mock_id}/responses`, {
      token: u.token,
    });
    expect(list.body.data.map((r) => [r.name, r.is_default])).toEqual([
      ['Admin', 0],
      ['Response', 1],
    ]);

    const notString = await call<ErrorBody>(server.url, 'POST', `/api/v1/mocks/${mock.mock_id}/responses`, {
      token: u.token,
      body: { body: { a: 1 } },
    });
    expect(notString.status).toBe(400);
    expect(notString.body.error).toMatch(/string/);

    const put = await call<Data<WireResponse>>(
      server.url,
      'PUT',
      `/api/v1/mocks/${mock.mock_id}/responses/${r2.body.data.response_id}`,
      {
        token: u.token,
        body: { statusCode: 404, body: 'nope' },
      },
    );
    expect(put.body.data).toMatchObject({ status_code: 404, body: 'nope', is_default: 1 });

    const withResponses = await call<Data<WireMock & { responses: WireResponse[] }>>(
      server.url,
      'GET',
      `/api/v1/mocks/${mock.mock_id}`,
      { token: u.token },
    );
    expect(withResponses.body.data.responses).toHaveLength(2);
    expect(withResponses.body.data.response_count).toBe(2);

    const mockPut = await call<Data<WireMock>>(server.url, 'PUT', `/api/v1/mocks/${mock.mock_id}`, {
      token: u.token,
      body: { isActive: false, path: '/people/{id}' },
    });
    expect(mockPut.body.data).toMatchObject({ is_active: 0, path: '/people/{id}', name: 'Get User' });
    const listed = await call<Data<WireMock[]>>(server.url, 'GET', `/api/v1/projects/${p.project_id}/mocks`, {
      token: u.token,
    });
    expect(listed.body.data).toMatchObject([{ mock_id: mock.mock_id, response_count: 2 }]);

    const delR = await call(
      server.url,
      'DELETE',
      `/api/v1/mocks/${mock.mock_id}/responses/${r1.body.data.response_id}`,
      { token: u.token },
    );
    expect(delR.status).toBe(200);
    expect(server.inspect.responses(mock.mock_id)).toHaveLength(1);
    const missingR = await call<ErrorBody>(
      server.url,
      'DELETE',
      `/api/v1/mocks/${mock.mock_id}/responses/${r1.body.data.response_id}`,
      { token: u.token },
    );
    expectErrorShape(missingR.body, 404, 'RESPONSE_NOT_FOUND');

    expect((await call(server.url, 'DELETE', `/api/v1/mocks/${mock.mock_id}`, { token: u.token })).status).toBe(200);
    const missingM = await call<ErrorBody>(server.url, 'GET', `/api/v1/mocks/${mock.mock_id}`, { token: u.token });
    expectErrorShape(missingM.body, 404, 'MOCK_NOT_FOUND');
  });

  it('hides other organizations’ projects and mocks behind 404', async () => {
    const other = await register(server.url);
    const p = (
      await call<Data<WireProject>>(server.url, 'POST', '/api/v1/projects', { token: u.token, body: { name: 'Mine' } })
    ).body.data;
    const m = (
      await call<Data<WireMock>>(server.url, 'POST', `/api/v1/projects/${p.project_id}/mocks`, {
        token: u.token,
        body: { name: 'm', path: '/m', method: 'GET' },
      })
    ).body.data;
    expect((await call(server.url, 'GET', `/api/v1/projects/${p.project_id}`, { token: other.token })).status).toBe(
      404,
    );
    expect((await call(server.url, 'DELETE', `/api/v1/projects/${p.project_id}`, { token: other.token })).status).toBe(
      404,
    );
    expect((await call(server.url, 'GET', `/api/v1/mocks/${m.mock_id}`, { token: other.token })).status).toBe(404);
    expect(
      (await call(server.url, 'POST', `/api/v1/mocks/${m.mock_id}/responses`, { token: other.token, body: {} })).status,
    ).toBe(404);
    expect(server.inspect.projects()).toHaveLength(1);
  });

  it('batch-creates a project from the AI endpoint shape in one transaction', async () => {
    const r = await call<Data<WireProject> & { message: string }>(server.url, 'POST', '/api/v1/projects/batch-create', {
      token: u.token,
      body: {
        name: 'Social Media API',
        endpoints: [
          {
            method: 'GET',
            route: '/users',
            description: 'Gets users',
            scenarios: [{ name: 'Success', status: 200, responseBody: [{ id: 1 }] }, { status: 500 }],
          },
          { method: 'post', route: '/posts', scenarios: [] },
        ],
      },
    });
    expect(r.status).toBe(201);
    expect(r.body.data).toMatchObject({ name: 'Social Media API', mock_count: 2 });
    expect(r.body.message).toMatch(/2 mocks and 2 responses/);
    const mocks = server.inspect.mocks(r.body.data.project_id) as WireMock[];
    expect(mocks.map((m) => `${m.method} ${m.path}`)).toEqual(['GET /users', 'POST /posts']);
    const responses = server.inspect.responses(mocks[0]!.mock_id) as WireResponse[];
    expect(responses.map((x) => [x.name, x.status_code, x.is_default])).toEqual([
      ['Success', 200, 1],
      ['Scenario 2', 500, 0],
    ]);
    expect(JSON.parse(responses[0]!.body)).toEqual([{ id: 1 }]);

    const bad = await call<ErrorBody>(server.url, 'POST', '/api/v1/projects/batch-create', {
      token: u.token,
      body: {
        name: 'Broken',
        endpoints: [
          { method: 'GET', route: '/ok' },
          { method: 'GET', route: 'no-slash' },
        ],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.field).toBe('endpoints.1.route');
    expect(server.inspect.projects()).toHaveLength(1);
  });
});

describe('plan limits', () => {
  it('answers 403 RESOURCE_LIMIT_EXCEEDED for the 4th project on the free plan', async () => {
    server = await withServer({ plan: 'free' });
    const f = await register(server.url);
    for (const name of ['a', 'b', 'c']) {
      expect((await call(server.url, 'POST', '/api/v1/projects', { token: f.token, body: { name } })).status).toBe(201);
    }
    const fourth = await call<ErrorBody>(server.url, 'POST', '/api/v1/projects', {
      token: f.token,
      body: { name: 'd' },
    });
    expect(fourth.status).toBe(403);
    expectErrorShape(fourth.body, 403, 'RESOURCE_LIMIT_EXCEEDED');
    expect(fourth.body.details).toMatchObject({ limit: 'max_projects', max: 3, current: 3, plan: 'free' });
    const batch = await call(server.url, 'POST', '/api/v1/projects/batch-create', {
      token: f.token,
      body: { name: 'e' },
    });
    expect(batch.status).toBe(403);

    // Upgrading lifts the limit.
    server.admin.setPlan(server.admin.personalOrg(f.userId)!.id, 'pro');
    expect((await call(server.url, 'POST', '/api/v1/projects', { token: f.token, body: { name: 'd' } })).status).toBe(
      201,
    );
  });
});
