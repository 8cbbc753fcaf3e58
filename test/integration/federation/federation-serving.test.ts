import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Federation, Project, RealityLevel, RequestLog } from '../../../shared/models';
import { startHarness, type Harness } from '../execution/harness';
import { startUpstream, type Upstream } from '../proxy/upstream';

let h: Harness;
let up: Upstream;
let accounts: Project;
let admin: Project;
let meMockId: string;

beforeEach(async () => {
  h = await startHarness();
  up = await startUpstream();
  const { catalog } = h.core;
  // The project has its own proxy on: a reality level decides, not the project's proxyMode.
  accounts = catalog.projects.create({ name: 'Accounts', slug: 'accounts' });
  catalog.projects.update(accounts.id, { upstreamUrl: up.url, proxyMode: 'passthrough' });
  const me = catalog.mocks.create(accounts.id, { name: 'me', method: 'GET', path: '/me' });
  meMockId = me.id;
  catalog.responses.create(me.id, {
    statusCode: 200,
    body: '{"source":"mock"}',
    headers: { 'Content-Type': 'application/json' },
  });
  admin = catalog.projects.create({ name: 'Admin', slug: 'admin' });
  const x = catalog.mocks.create(admin.id, { name: 'x', method: 'GET', path: '/x' });
  catalog.responses.create(x.id, { statusCode: 200, body: 'admin' });
});
afterEach(async () => {
  await h.close();
  await up.stop();
});

function federate(level: RealityLevel, name = 'shop'): Federation {
  return h.core.federations.create({
    name,
    services: [
      { name: 'accounts', workspace_id: accounts.id, base_path: '/accounts', reality_level: level },
      {
        name: 'admin',
        workspace_id: admin.id,
        base_path: '/accounts/admin',
        reality_level: 'mock_v3',
        dependencies: ['accounts'],
      },
    ],
  });
}

const get = (path: string, init?: RequestInit) => fetch(`${h.base}/f${path}`, init);

async function logsOf(projectId: string): Promise<RequestLog[]> {
  await h.core.server.settleLogs();
  h.core.server.flushLogs();
  return h.core.store.logs.page({ projectId }, 1, 100).data;
}

describe('serving /f/<name>/*', () => {
  it('mock_v3: the project mocks answer; an unmatched path is the project 404, never the upstream', async () => {
    federate('mock_v3');
    const res = await get('/shop/accounts/me');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ source: 'mock' });
    const miss = await get('/shop/accounts/other');
    expect(miss.status).toBe(404);
    expect(((await miss.json()) as { error: string }).error).toBe('MOCK_NOT_FOUND');
    expect(up.seen).toHaveLength(0);
  });

  it('real: every request goes to the upstream, mocked paths too, with the service path and query', async () => {
    federate('real');
    const res = await get('/shop/accounts/me?x=1');
    expect(res.status).toBe(201);
    expect(((await res.json()) as { url: string }).url).toBe('/me?x=1');
    expect(up.seen.map((s) => s.url)).toEqual(['/me?x=1']);
    const [log] = await logsOf(accounts.id);
    expect(log!.proxied?.upstream).toBe(`${up.url}/me`);
    expect(log!.federation).toEqual({
      id: expect.any(String),
      name: 'shop',
      service: 'accounts',
      realityLevel: 'real',
    });
  });

  it('real without an upstream URL: a 502 naming the fix, logged with the federation', async () => {
    h.core.catalog.projects.update(accounts.id, { upstreamUrl: null, proxyMode: 'off' });
    federate('real');
    const res = await get('/shop/accounts/me');
    expect(res.status).toBe(502);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe('NO_UPSTREAM');
    expect(body.message).toMatch(/project "Accounts" has no upstream URL/);
    const [log] = await logsOf(accounts.id);
    expect(log).toMatchObject({ responseStatus: 502, errorCode: 'NO_UPSTREAM', requestPath: '/me' });
    expect(log!.federation?.service).toBe('accounts');
  });

  it('blended: a mock where one matches, the upstream otherwise (with the request body)', async () => {
    federate('blended');
    expect(await (await get('/shop/accounts/me')).json()).toEqual({ source: 'mock' });
    const posted = await get('/shop/accounts/orders', { method: 'POST', body: 'hello' });
    expect(posted.status).toBe(201);
    const echo = (await posted.json()) as { method: string; url: string; body: string };
    expect(echo).toMatchObject({ method: 'POST', url: '/orders' });
    expect(Buffer.from(echo.body, 'base64').toString()).toBe('hello');
    expect(up.seen.map((s) => s.url)).toEqual(['/orders']);
  });

  it("chaos_driven: the project's chaos setting applies to its mocks", async () => {
    h.core.catalog.projects.update(accounts.id, { chaos: { errorRate: 1, errorStatus: 418 } });
    federate('chaos_driven');
    const res = await get('/shop/accounts/me');
    expect(res.status).toBe(418);
    expect(up.seen).toHaveLength(0);
    const [log] = await logsOf(accounts.id);
    expect(log!.chaos).toMatchObject({ source: 'project', errorStatus: 418 });
    // The same project under /m/ is served as it is: no federation, no error injected by default there.
    h.core.catalog.projects.update(accounts.id, { chaos: null });
    expect((await fetch(`${h.base}/m/accounts/me`)).status).toBe(200);
  });

  it('chaos_driven without a project setting: the default profile (a latency at least)', async () => {
    federate('chaos_driven');
    await get('/shop/accounts/me');
    const [log] = await logsOf(accounts.id);
    expect(log!.chaos?.source).toBe('project');
    expect(log!.chaos?.latencyMs).toEqual(expect.any(Number));
  });

  it('the longest matching base path picks the service', async () => {
    federate('mock_v3');
    const res = await get('/shop/accounts/admin/x');
    expect(await res.text()).toBe('admin');
    const [log] = await logsOf(admin.id);
    expect(log).toMatchObject({ requestPath: '/x', federation: { service: 'admin', realityLevel: 'mock_v3' } });
    expect(await logsOf(accounts.id)).toHaveLength(0);
  });

  it('answers 404s that name the problem for an unknown federation or path', async () => {
    federate('mock_v3');
    const nofed = await get('/nope/accounts/me');
    expect(nofed.status).toBe(404);
    expect(await nofed.json()).toMatchObject({
      error: 'FEDERATION_NOT_FOUND',
      message: expect.stringMatching(/no federation is named "nope"/),
    });
    const nopath = await get('/shop/inventory');
    expect(nopath.status).toBe(404);
    expect(await nopath.json()).toMatchObject({
      error: 'NO_FEDERATED_SERVICE',
      message: expect.stringMatching(/base paths: \/accounts, \/accounts\/admin/),
    });
  });

  it('follows edits: a changed mock, a changed level, a renamed federation', async () => {
    const f = federate('mock_v3');
    expect(await (await get('/shop/accounts/me')).json()).toEqual({ source: 'mock' });
    const [response] = h.core.catalog.responses.list(meMockId);
    h.core.catalog.responses.update(meMockId, response!.id, { body: '{"source":"edited"}' });
    expect(await (await get('/shop/accounts/me')).json()).toEqual({ source: 'edited' });
    h.core.federations.update(f.id, { services: f.services.map((s) => ({ ...s, reality_level: 'real' as const })) });
    expect((await get('/shop/accounts/me')).status).toBe(201);
    h.core.federations.update(f.id, { name: 'market' });
    expect((await get('/shop/accounts/me')).status).toBe(404);
    expect((await get('/market/accounts/me')).status).toBe(201);
  });

  it('a deleted project: a 502 naming the service and the fix', async () => {
    federate('mock_v3');
    h.core.catalog.projects.delete(admin.id);
    const res = await get('/shop/accounts/admin/x');
    expect(res.status).toBe(502);
    expect(((await res.json()) as { message: string }).message).toMatch(
      /service "admin" .* no longer exists: edit the federation/,
    );
  });
});
