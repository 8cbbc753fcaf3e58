import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WireProject } from '../../../shared/wire/mockbird';
import type { CloudServerHandle } from '../../cloud-server';
import type { Data, ErrorBody, TestUser } from './helpers';
import { call, expectErrorShape, register, withServer } from './helpers';

let server: CloudServerHandle;
let u: TestUser;
beforeEach(async () => {
  server = await withServer();
  u = await register(server.url);
});
afterEach(async () => server?.close());

describe('fault injection', () => {
  it('fail500: the next N requests answer 500 INTERNAL_ERROR without running the handler', async () => {
    server.faults.set({ fail500: 2 });
    for (let i = 0; i < 2; i++) {
      const r = await call<ErrorBody>(server.url, 'POST', '/api/v1/projects', {
        token: u.token,
        body: { name: `p${i}` },
      });
      expect(r.status).toBe(500);
      expectErrorShape(r.body, 500, 'INTERNAL_ERROR');
      expect(r.headers.get('x-ratelimit-limit')).not.toBeNull();
    }
    expect(server.inspect.projects()).toEqual([]);
    expect((await call(server.url, 'POST', '/api/v1/projects', { token: u.token, body: { name: 'ok' } })).status).toBe(
      201,
    );
    expect(server.inspect.projects()).toHaveLength(1);
  });

  it('rateLimit: the next N requests answer 429 with Retry-After', async () => {
    server.faults.set({ rateLimit: 1, retryAfterSeconds: 7 });
    const r = await call<ErrorBody>(server.url, 'GET', '/api/v1/projects', { token: u.token });
    expect(r.status).toBe(429);
    expectErrorShape(r.body, 429, 'RATE_LIMIT_EXCEEDED');
    expect(r.headers.get('retry-after')).toBe('7');
    expect((await call(server.url, 'GET', '/api/v1/projects', { token: u.token })).status).toBe(200);
  });

  it('slowMs delays every matching request', async () => {
    server.faults.set({ slowMs: 600 });
    const t0 = performance.now();
    expect((await call(server.url, 'GET', '/api/v1/projects', { token: u.token })).status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(590);
    server.faults.reset();
    const t1 = performance.now();
    await call(server.url, 'GET', '/api/v1/projects', { token: u.token });
    expect(performance.now() - t1).toBeLessThan(590);
  });

  it('dropAfterHandler: the write happens, then the connection dies mid-response', async () => {
    server.faults.set({ dropAfterHandler: 1 });
    await expect(
      call(server.url, 'POST', '/api/v1/projects', { token: u.token, body: { name: 'Dropped but saved' } }),
    ).rejects.toThrow();
    expect(server.inspect.projects()).toMatchObject([{ name: 'Dropped but saved' }]);
    // A retry sees the committed write (a client must reconcile, not blindly re-create).
    const list = await call<Data<WireProject[]>>(server.url, 'GET', '/api/v1/projects', { token: u.token });
    expect(list.body.data.map((p) => p.name)).toEqual(['Dropped but saved']);
  });

  it('pathPattern limits faults to matching paths; /health and /__control are never faulted', async () => {
    server.faults.set({ fail500: 5, pathPattern: '^/api/v1/tokens' });
    expect((await call(server.url, 'GET', '/api/v1/projects', { token: u.token })).status).toBe(200);
    expect((await call(server.url, 'GET', '/health')).status).toBe(200);
    expect((await call(server.url, 'GET', '/api/v1/tokens', { token: u.token })).status).toBe(500);
    server.faults.set({ pathPattern: null });
    expect((await call(server.url, 'GET', '/health/live')).body).toEqual({ status: 'alive' });
    expect((await call(server.url, 'GET', '/health/ready')).body).toEqual({ status: 'ready' });
    expect((await call(server.url, 'GET', '/api/v1/projects', { token: u.token })).status).toBe(500);
  });

  it('is driven over HTTP by POST /__control/faults and /__control/reset', async () => {
    const set = await call(server.url, 'POST', '/__control/faults', { body: { fail500: 1, pathPattern: '/projects' } });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ fail500: 1, pathPattern: '/projects', rateLimit: 0 });
    expect((await call(server.url, 'GET', '/api/v1/projects', { token: u.token })).status).toBe(500);
    expect((await call(server.url, 'GET', '/api/v1/projects', { token: u.token })).status).toBe(200);

    await call(server.url, 'POST', '/__control/faults', { body: { rateLimit: 3 } });
    const reset = await call(server.url, 'POST', '/__control/reset');
    expect(reset.body).toMatchObject({ fail500: 0, rateLimit: 0, slowMs: 0, dropAfterHandler: 0, pathPattern: null });
    expect((await call(server.url, 'GET', '/api/v1/projects', { token: u.token })).status).toBe(200);

    const bad = await call<ErrorBody>(server.url, 'POST', '/__control/faults', { body: { fail500: -1 } });
    expectErrorShape(bad.body, 400, 'VALIDATION_FAILED');
    const badRegex = await call<ErrorBody>(server.url, 'POST', '/__control/faults', { body: { pathPattern: '(' } });
    expect(badRegex.status).toBe(400);
  });
});

describe('health and status', () => {
  it('serves the documented bodies', async () => {
    expect((await call(server.url, 'GET', '/health')).body).toEqual({ status: 'ok', version: '1.0.0' });
    const status = await call<{
      overall: string;
      services: Array<{ name: string; status: string; message: null }>;
      timestamp: string;
    }>(server.url, 'GET', '/api/v1/status');
    expect(status.body.overall).toBe('operational');
    expect(status.body.services.map((s) => s.name)).toEqual(['Database', 'Redis', 'Object Storage', 'API Service']);
    const unknown = await call<ErrorBody>(server.url, 'GET', '/api/v1/nope');
    expectErrorShape(unknown.body, 404, 'NOT_FOUND');
  });
});
