import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Core } from '../../../main/core/core';
import { directMockRoute, directProjectRoute, type DirectRoute } from '../../../main/core/server/direct-route';
import type { ExecutionDeps } from '../../../main/core/server/execution';
import { LogBatcher } from '../../../main/core/server/log-batcher';
import { createLogWriter } from '../../../main/core/server/log-writer';
import { ProjectCache } from '../../../main/core/server/project-cache';
import { systemClock } from '../../../main/core/util/clock';
import { startHarness } from './harness';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/**
 * A bare Node server with only the direct route: what it leaves to fastify answers 599, so
 * each test sees which requests the direct route takes and what it answers for them.
 */
async function bare(route: (exec: ExecutionDeps, projectId: string) => DirectRoute) {
  const core = Core.open({ dataDir: null, port: 0 });
  const project = core.catalog.projects.create({ name: 'Shop', slug: 'shop' });
  const mock = core.catalog.mocks.create(project.id, { name: 'item', method: 'GET', path: '/items/{id}' });
  core.catalog.responses.create(mock.id, { body: 'ok' });
  const logs = new LogBatcher(() => createLogWriter(core.store, 100), 20, 100);
  const exec: ExecutionDeps = {
    cache: new ProjectCache(core.store, core.catalog),
    logs,
    clock: systemClock,
    random: Math.random,
    chaos: { enabled: true },
  };
  const direct = route(exec, project.id);
  const server = http.createServer((req, res) => {
    if (direct(req, res)) return;
    res.writeHead(599);
    res.end('left to fastify');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(async () => {
    await new Promise((r) => server.close(r));
    await logs.close();
    await core.close();
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const logged = () => {
    logs.flush();
    return core.store.logs.page({ projectId: project.id }, 1, 10).data;
  };
  return { base, logged };
}

describe('mock requests served directly by the HTTP server, ahead of fastify', () => {
  it('answers body-less requests under /m/<slug>, logging path, query and client as fastify would', async () => {
    const { base, logged } = await bare(directMockRoute);
    const res = await fetch(`${base}/m/shop/items/7?tag=a&tag=b&x=1`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect((await fetch(`${base}/m/nope/items/7`)).status).toBe(404);
    const bare404 = await fetch(`${base}/m/shop`);
    expect(await bare404.json()).toMatchObject({ error: 'MOCK_NOT_FOUND' });
    const [root, item] = logged();
    expect(root).toMatchObject({ requestPath: '/', errorCode: 'MOCK_NOT_FOUND' });
    expect(item).toMatchObject({
      requestPath: '/items/7',
      requestMethod: 'GET',
      requestQuery: { tag: ['a', 'b'], x: '1' },
      responseStatus: 200,
    });
    expect(item!.ipAddress).toMatch(/127\.0\.0\.1$/);
  });

  it('leaves to fastify requests with a body, and URLs its router must judge', async () => {
    const { base, logged } = await bare(directMockRoute);
    const left = async (url: string, init?: RequestInit) => (await fetch(base + url, init)).status;
    expect(await left('/m/shop/items/7', { method: 'POST', body: '{"a":1}' })).toBe(599);
    const chunked = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode('x'));
        c.close();
      },
    });
    // A streamed body has no length: it comes chunked.
    expect(await left('/m/shop/items/7', { method: 'PUT', body: chunked, duplex: 'half' } as RequestInit)).toBe(599);
    expect(await left('/m/')).toBe(599);
    expect(await left('/m/sh%6Fp/items/7')).toBe(599);
    expect(await left('/projects')).toBe(599);
    expect(logged()).toEqual([]);
  });

  it("serves every body-less path of a project's dedicated port", async () => {
    const { base, logged } = await bare(directProjectRoute);
    const res = await fetch(`${base}/items/3?v=1`);
    expect(await res.text()).toBe('ok');
    expect((await fetch(`${base}/items/3`, { method: 'POST', body: 'x' })).status).toBe(599);
    expect(logged()).toMatchObject([{ requestPath: '/items/3', requestQuery: { v: '1' } }]);
  });

  it('gives the same answer and log row as the fastify path, and keeps fastify’s server settings', async () => {
    const h = await startHarness();
    cleanups.push(() => h.close());
    h.addMock({ name: 'item', method: 'GET', path: '/items/{id}' }, [{ body: 'ok', headers: { 'x-a': '1' } }]);
    const url = '/m/shop/items/9?tag=a&tag=b&e=%20';
    const direct = await fetch(h.base + url);
    const viaFastify = await h.core.server.app!.inject({ method: 'GET', url });
    expect(direct.status).toBe(viaFastify.statusCode);
    expect(await direct.text()).toBe(viaFastify.body);
    expect(direct.headers.get('x-a')).toBe(viaFastify.headers['x-a']);
    h.core.server.flushLogs();
    const [fromInject, fromDirect] = h.core.store.logs.page({ projectId: h.project.id }, 1, 10).data;
    const same = (l: typeof fromDirect) => ({
      ...l,
      id: '',
      createdAt: '',
      responseTimeMs: 0,
      ipAddress: '',
      requestHeaders: {},
      userAgent: '',
    });
    expect(same(fromDirect)).toEqual(same(fromInject));
    expect(fromDirect!.requestQuery).toEqual({ tag: ['a', 'b'], e: ' ' });
    // serverFactory replaces the server fastify would make: its keep-alive and timeouts must stay.
    expect(h.core.server.app!.server.keepAliveTimeout).toBe(72_000);
  });
});
