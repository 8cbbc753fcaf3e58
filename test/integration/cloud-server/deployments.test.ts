import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WireMock, WireProject, WireResponse } from '../../../shared/wire/mockbird';
import type { CloudServerHandle } from '../../cloud-server';
import type { Data, ErrorBody, TestUser } from './helpers';
import { call, expectErrorShape, register, withServer } from './helpers';

interface Deployment {
  id: string;
  org_id: string;
  project_id: string;
  name: string;
  slug: string;
  description: string | null;
  status: string;
  health_status: string;
  url: string;
  config_json: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}
interface Metrics {
  requests_total: number;
  requests_per_minute: number;
  average_response_time_ms: number;
  error_rate: number;
  status_codes: Record<string, number>;
  period_start: string;
  period_end: string;
}
interface LogEntry {
  id: string;
  level: string;
  message: string;
  created_at: string;
}

let server: CloudServerHandle;
let u: TestUser;
afterEach(async () => server?.close());

async function projectWithUserMock(
  token: string,
): Promise<{ project: WireProject; mock: WireMock; admin: WireResponse }> {
  const project = (
    await call<Data<WireProject>>(server.url, 'POST', '/api/v1/projects', { token, body: { name: 'User API' } })
  ).body.data;
  const mock = (
    await call<Data<WireMock>>(server.url, 'POST', `/api/v1/projects/${project.project_id}/mocks`, {
      token,
      body: { name: 'Get user', path: '/users/{id}', method: 'GET' },
    })
  ).body.data;
  const admin = (
    await call<Data<WireResponse>>(server.url, 'POST', `/api/v1/mocks/${mock.mock_id}/responses`, {
      token,
      body: {
        name: 'Admin',
        statusCode: 200,
        headers: { 'X-Kind': 'admin' },
        body: '{"role":"admin"}',
        conditions: [{ type: 'header', field: 'x-role', operator: 'equals', value: 'admin' }],
      },
    })
  ).body.data;
  await call(server.url, 'POST', `/api/v1/mocks/${mock.mock_id}/responses`, {
    token,
    body: { name: 'Guest', statusCode: 200, body: '{"role":"guest"}', isDefault: true },
  });
  return { project, mock, admin };
}

async function waitFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('hosted deployments', () => {
  beforeEach(async () => {
    server = await withServer({ deployReadyAfterMs: 100 });
    u = await register(server.url, 'acme');
  });

  it('goes deploying → active/healthy and serves the project with the real engine at its url', async () => {
    const { project, mock } = await projectWithUserMock(u.token);
    const c = await call<Deployment>(server.url, 'POST', '/api/v1/deployments', {
      token: u.token,
      body: {
        name: 'User API Mock',
        slug: 'user-api',
        description: 'Mock user API',
        project_id: project.project_id,
        config_json: { cors_enabled: true },
      },
    });
    expect(c.status).toBe(201);
    expect(Object.keys(c.body).sort()).toEqual([
      'created_at',
      'health_status',
      'id',
      'name',
      'org_id',
      'slug',
      'status',
      'url',
    ]);
    expect(c.body).toMatchObject({
      name: 'User API Mock',
      slug: 'user-api',
      status: 'deploying',
      health_status: 'unknown',
      url: `${server.url}/hosted/acme/user-api`,
    });

    const early = await fetch(`${c.body.url}/users/1`);
    expect(early.status).toBe(503);
    expect(early.headers.get('retry-after')).toBe('1');

    const active = await waitFor(
      () => call<Deployment>(server.url, 'GET', `/api/v1/deployments/${c.body.id}`, { token: u.token }),
      (r) => r.body.status === 'active',
    );
    expect(active.body).toMatchObject({
      id: c.body.id,
      org_id: c.body.org_id,
      project_id: project.project_id,
      description: 'Mock user API',
      status: 'active',
      health_status: 'healthy',
      config_json: { cors_enabled: true },
    });

    const admin = await fetch(`${c.body.url}/users/7`, { headers: { 'x-role': 'admin' } });
    expect(admin.status).toBe(200);
    expect(admin.headers.get('x-kind')).toBe('admin');
    expect(admin.headers.get('access-control-allow-origin')).toBe('*');
    expect(await admin.json()).toEqual({ role: 'admin' });
    const guest = await fetch(`${c.body.url}/users/7`);
    expect(await guest.json()).toEqual({ role: 'guest' });
    const none = await fetch(`${c.body.url}/nothing`);
    expect(none.status).toBe(404);
    expect(await none.json()).toMatchObject({ error: 'MOCK_NOT_FOUND' });
    const preflight = await fetch(`${c.body.url}/users/7`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET,POST,PUT,DELETE,PATCH,OPTIONS');

    // Serves the project's current cloud data: an edit shows up on the next request.
    await call(server.url, 'PUT', `/api/v1/mocks/${mock.mock_id}`, { token: u.token, body: { path: '/people/{id}' } });
    expect((await fetch(`${c.body.url}/users/7`)).status).toBe(404);
    expect((await fetch(`${c.body.url}/people/7`)).status).toBe(200);

    const list = await call<Deployment[]>(server.url, 'GET', '/api/v1/deployments', { token: u.token });
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).toMatchObject({
      id: c.body.id,
      name: 'User API Mock',
      slug: 'user-api',
      status: 'active',
      health_status: 'healthy',
      url: c.body.url,
    });
    expect(
      (await call<Deployment[]>(server.url, 'GET', '/api/v1/deployments?status=stopped', { token: u.token })).body,
    ).toEqual([]);
    expect(
      (
        await call<Deployment[]>(server.url, 'GET', `/api/v1/deployments?project_id=${project.project_id}`, {
          token: u.token,
        })
      ).body,
    ).toHaveLength(1);
    expect(
      (await call<Deployment[]>(server.url, 'GET', '/api/v1/deployments?project_id=other', { token: u.token })).body,
    ).toEqual([]);
  });

  it('passes raw bodies, query strings and delays to the engine', async () => {
    const project = (
      await call<Data<WireProject>>(server.url, 'POST', '/api/v1/projects', {
        token: u.token,
        body: { name: 'Orders' },
      })
    ).body.data;
    const mock = (
      await call<Data<WireMock>>(server.url, 'POST', `/api/v1/projects/${project.project_id}/mocks`, {
        token: u.token,
        body: { name: 'Create order', path: '/orders', method: 'POST', responseDelay: 150 },
      })
    ).body.data;
    const add = (body: unknown) =>
      call(server.url, 'POST', `/api/v1/mocks/${mock.mock_id}/responses`, { token: u.token, body });
    await add({
      name: 'Big',
      statusCode: 201,
      body: 'big',
      conditions: [{ type: 'body', field: 'order.qty', operator: 'gt', value: '10' }],
    });
    await add({
      name: 'Express',
      statusCode: 202,
      body: 'express',
      conditions: [{ type: 'query', field: 'express', operator: 'equals', value: '1' }],
    });
    await add({ name: 'Default', statusCode: 200, body: 'normal' });
    const d = (
      await call<Deployment>(server.url, 'POST', '/api/v1/deployments', {
        token: u.token,
        body: { name: 'o', slug: 'orders', project_id: project.project_id },
      })
    ).body;
    await waitFor(
      () => call<Deployment>(server.url, 'GET', `/api/v1/deployments/${d.id}`, { token: u.token }),
      (r) => r.body.status === 'active',
    );

    const post = (qs: string, body: string, type = 'application/json') =>
      fetch(`${d.url}/orders${qs}`, { method: 'POST', headers: { 'content-type': type }, body });
    const t0 = performance.now();
    const big = await post('', JSON.stringify({ order: { qty: 50 } }));
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
    expect([big.status, await big.text()]).toEqual([201, 'big']);
    const express = await post('?express=1', JSON.stringify({ order: { qty: 1 } }));
    expect([express.status, await express.text()]).toEqual([202, 'express']);
    const plain = await post('', 'qty=50', 'text/plain');
    expect([plain.status, await plain.text()]).toEqual([200, 'normal']);
  });

  it('counts served requests in metrics, logs and usage', async () => {
    const { project } = await projectWithUserMock(u.token);
    const d = (
      await call<Deployment>(server.url, 'POST', '/api/v1/deployments', {
        token: u.token,
        body: { name: 'd', slug: 'd', project_id: project.project_id },
      })
    ).body;
    await waitFor(
      () => fetch(`${d.url}/users/1`).then((r) => r.status),
      (s) => s === 200,
    );
    for (let i = 0; i < 3; i++) await fetch(`${d.url}/users/${i}`, { headers: { 'x-role': 'admin' } });
    await fetch(`${d.url}/missing`);

    const m = await call<Metrics>(server.url, 'GET', `/api/v1/deployments/${d.id}/metrics`, { token: u.token });
    expect(m.status).toBe(200);
    expect(m.body).toMatchObject({ requests_total: 5, status_codes: { '200': 4, '404': 1 }, error_rate: 0.2 });
    expect(m.body.average_response_time_ms).toBeGreaterThanOrEqual(0);
    expect(m.body.requests_per_minute).toBeGreaterThan(0);
    expect(Date.parse(m.body.period_end)).toBeGreaterThanOrEqual(Date.parse(m.body.period_start));
    const future = await call<Metrics>(
      server.url,
      'GET',
      `/api/v1/deployments/${d.id}/metrics?start_time=2099-01-01T00:00:00Z&end_time=2099-01-02T00:00:00Z`,
      { token: u.token },
    );
    expect(future.body).toMatchObject({
      requests_total: 0,
      error_rate: 0,
      status_codes: {},
      period_start: '2099-01-01T00:00:00.000Z',
    });
    expect(
      (await call(server.url, 'GET', `/api/v1/deployments/${d.id}/metrics?start_time=yesterday`, { token: u.token }))
        .status,
    ).toBe(400);

    const logs = await call<LogEntry[]>(server.url, 'GET', `/api/v1/deployments/${d.id}/logs`, { token: u.token });
    expect(logs.body[0]).toMatchObject({ level: 'warn', message: expect.stringContaining('GET /missing -> 404') });
    expect(logs.body.map((l) => l.message)).toContainEqual(expect.stringMatching(/^Deployment started/));
    expect(Object.keys(logs.body[0]!).sort()).toEqual(['created_at', 'id', 'level', 'message']);
    const warn = await call<LogEntry[]>(server.url, 'GET', `/api/v1/deployments/${d.id}/logs?level=warn`, {
      token: u.token,
    });
    expect(warn.body).toHaveLength(1);
    expect(
      (await call<LogEntry[]>(server.url, 'GET', `/api/v1/deployments/${d.id}/logs?limit=2`, { token: u.token })).body,
    ).toHaveLength(2);
    expect(
      (await call(server.url, 'GET', `/api/v1/deployments/${d.id}/logs?level=debug`, { token: u.token })).status,
    ).toBe(400);

    const usage = await call<Record<string, unknown>>(server.url, 'GET', '/api/v1/usage', { token: u.token });
    expect(usage.body.requests).toBe(5);
    const history = await call<Array<Record<string, unknown>>>(server.url, 'GET', '/api/v1/usage/history?months=2', {
      token: u.token,
    });
    expect(history.body).toHaveLength(2);
    expect(history.body[0]).toMatchObject({ requests: 5, ai_tokens_used: 0 });
    expect(history.body[1]).toMatchObject({ requests: 0 });
    expect(Object.keys(history.body[0]!).sort()).toEqual([
      'ai_tokens_used',
      'period_end',
      'period_start',
      'requests',
      'storage_bytes',
    ]);
  });

  it('stops (404 at the url), restarts, and deletes', async () => {
    const { project } = await projectWithUserMock(u.token);
    const d = (
      await call<Deployment>(server.url, 'POST', '/api/v1/deployments', {
        token: u.token,
        body: { name: 'd', slug: 'd', project_id: project.project_id },
      })
    ).body;
    await waitFor(
      () => fetch(`${d.url}/users/1`).then((r) => r.status),
      (s) => s === 200,
    );

    const stop = await call<Record<string, unknown>>(server.url, 'PUT', `/api/v1/deployments/${d.id}/status`, {
      token: u.token,
      body: { status: 'stopped' },
    });
    expect(stop.status).toBe(200);
    expect(stop.body).toEqual({ id: d.id, status: 'stopped', updated_at: expect.any(String) });
    const stopped = await fetch(`${d.url}/users/1`);
    expect(stopped.status).toBe(404);
    expectErrorShape(await stopped.json(), 404, 'DEPLOYMENT_STOPPED');
    expect(
      (await call<Deployment>(server.url, 'GET', `/api/v1/deployments/${d.id}`, { token: u.token })).body.status,
    ).toBe('stopped');

    const bad = await call<ErrorBody>(server.url, 'PUT', `/api/v1/deployments/${d.id}/status`, {
      token: u.token,
      body: { status: 'paused' },
    });
    expectErrorShape(bad.body, 400, 'VALIDATION_FAILED');

    const start = await call<Record<string, unknown>>(server.url, 'PUT', `/api/v1/deployments/${d.id}/status`, {
      token: u.token,
      body: { status: 'active' },
    });
    expect(start.body.status).toBe('active');
    expect((await fetch(`${d.url}/users/1`)).status).toBe(200);

    const del = await call(server.url, 'DELETE', `/api/v1/deployments/${d.id}`, { token: u.token });
    expect(del.body).toEqual({ success: true, message: 'Deployment deleted successfully' });
    const gone = await fetch(`${d.url}/users/1`);
    expect(gone.status).toBe(404);
    expectErrorShape(await gone.json(), 404, 'DEPLOYMENT_NOT_FOUND');
    const missing = await call<ErrorBody>(server.url, 'GET', `/api/v1/deployments/${d.id}`, { token: u.token });
    expectErrorShape(missing.body, 404, 'DEPLOYMENT_NOT_FOUND');
  });

  it('validates: unknown project 404, duplicate slug 409, bad slug 400, other org 404; a deleted project fails the deployment', async () => {
    const { project } = await projectWithUserMock(u.token);
    const unknown = await call<ErrorBody>(server.url, 'POST', '/api/v1/deployments', {
      token: u.token,
      body: { name: 'd', slug: 'd', project_id: 'nope' },
    });
    expectErrorShape(unknown.body, 404, 'PROJECT_NOT_FOUND');
    const badSlug = await call<ErrorBody>(server.url, 'POST', '/api/v1/deployments', {
      token: u.token,
      body: { name: 'd', slug: 'Not A Slug', project_id: project.project_id },
    });
    expectErrorShape(badSlug.body, 400, 'VALIDATION_FAILED');
    const d = (
      await call<Deployment>(server.url, 'POST', '/api/v1/deployments', {
        token: u.token,
        body: { name: 'd', slug: 'd', project_id: project.project_id },
      })
    ).body;
    const dup = await call<ErrorBody>(server.url, 'POST', '/api/v1/deployments', {
      token: u.token,
      body: { name: 'd2', slug: 'd', project_id: project.project_id },
    });
    expectErrorShape(dup.body, 409, 'CONFLICT');

    const other = await register(server.url);
    expect((await call(server.url, 'GET', `/api/v1/deployments/${d.id}`, { token: other.token })).status).toBe(404);
    // Same slug in another org is fine: URLs are per org.
    const otherProject = (
      await call<Data<WireProject>>(server.url, 'POST', '/api/v1/projects', { token: other.token, body: { name: 'x' } })
    ).body.data;
    expect(
      (
        await call(server.url, 'POST', '/api/v1/deployments', {
          token: other.token,
          body: { name: 'd', slug: 'd', project_id: otherProject.project_id },
        })
      ).status,
    ).toBe(201);

    await call(server.url, 'DELETE', `/api/v1/projects/${project.project_id}`, { token: u.token });
    const failed = await waitFor(
      () => call<Deployment>(server.url, 'GET', `/api/v1/deployments/${d.id}`, { token: u.token }),
      (r) => r.body.status === 'failed',
    );
    expect(failed.body).toMatchObject({ status: 'failed', health_status: 'unhealthy' });
    expect((await fetch(`${d.url}/users/1`)).status).toBe(503);
    const errors = await call<LogEntry[]>(server.url, 'GET', `/api/v1/deployments/${d.id}/logs?level=error`, {
      token: u.token,
    });
    expect(errors.body[0]!.message).toMatch(/project .* was deleted/);
  });

  it('refuses deployments on a plan without hosted mocks', async () => {
    await server.close();
    server = await withServer({ plan: 'free' });
    const f = await register(server.url);
    const p = (
      await call<Data<WireProject>>(server.url, 'POST', '/api/v1/projects', { token: f.token, body: { name: 'x' } })
    ).body.data;
    const r = await call<ErrorBody>(server.url, 'POST', '/api/v1/deployments', {
      token: f.token,
      body: { name: 'd', slug: 'd', project_id: p.project_id },
    });
    expect(r.status).toBe(403);
    expectErrorShape(r.body, 403, 'RESOURCE_LIMIT_EXCEEDED');
    expect(r.body.details).toMatchObject({ limit: 'hosted_mocks', plan: 'free' });
  });
});

describe('billing and usage', () => {
  it('reports the subscription and usage with the plan limits', async () => {
    server = await withServer();
    u = await register(server.url);
    const org = server.admin.personalOrg(u.userId)!;
    const sub = await call<Record<string, unknown>>(server.url, 'GET', '/api/v1/billing/subscription', {
      token: u.token,
    });
    expect(sub.status).toBe(200);
    expect(sub.body).toEqual({
      org_id: org.id,
      plan: 'pro',
      status: 'active',
      current_period_end: expect.stringMatching(/T23:59:59\.000Z$/),
      usage: {
        requests: 0,
        requests_limit: 250000,
        storage_bytes: 0,
        storage_limit_bytes: 21474836480,
        ai_tokens_used: 0,
        ai_tokens_limit: 100000,
      },
      limits: {
        max_projects: 10,
        max_collaborators: 5,
        requests_per_30d: 250000,
        storage_gb: 20,
        ai_tokens_per_month: 100000,
        hosted_mocks: true,
      },
    });
    await call(server.url, 'POST', '/api/v1/projects', {
      token: u.token,
      body: { name: 'Some project', description: 'with text' },
    });
    const usage = await call<Record<string, unknown>>(server.url, 'GET', '/api/v1/usage', { token: u.token });
    expect(Object.keys(usage.body).sort()).toEqual(
      [
        'ai_tokens_limit',
        'ai_tokens_used',
        'period_end',
        'period_start',
        'requests',
        'requests_limit',
        'storage_bytes',
        'storage_limit_bytes',
      ].sort(),
    );
    expect(usage.body.storage_bytes).toBeGreaterThan(0);
    expect(String(usage.body.period_start)).toMatch(/-01T00:00:00\.000Z$/);
    expect((await call(server.url, 'GET', '/api/v1/usage')).status).toBe(401);
  });
});
