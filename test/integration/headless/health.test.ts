import Fastify from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openApp, type App } from '../../../main/core/app';
import { healthRoutes } from '../../../main/core/server/management/health-routes';

const TOKEN = 'health-test-token-0123456789';
let app: App | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

async function started(): Promise<string> {
  app = await openApp({ dataDir: null, apiToken: TOKEN, version: '9.8.7' });
  const state = await app.server.start({ host: '127.0.0.1', port: 0 });
  return state.url!;
}

describe('health endpoints (mockforge-cloud-api.md §Health & Status)', () => {
  it('answer the documented bodies without a token', async () => {
    const url = await started();
    const get = async (p: string) => {
      const r = await fetch(url + p);
      return { status: r.status, body: (await r.json()) as unknown };
    };
    expect(await get('/health')).toEqual({ status: 200, body: { status: 'ok', version: '9.8.7' } });
    expect(await get('/health/live')).toEqual({ status: 200, body: { status: 'alive' } });
    expect(await get('/health/ready')).toEqual({ status: 200, body: { status: 'ready' } });
    const detailed = await get('/health/detailed');
    expect(detailed.status).toBe(200);
    expect(detailed.body).toMatchObject({ status: 'ok', version: '9.8.7', checks: { database: 'ok', logs: 'ok' } });
    // The management API beside them still needs the token.
    expect((await fetch(`${url}/projects`)).status).toBe(401);
  });

  it('readiness says 503 not_ready while the server drains, and a failing check degrades the detail', async () => {
    let ready = true;
    const f = Fastify();
    await f.register(healthRoutes, {
      version: '1',
      ready: () => ready,
      checks: {
        database: () => {
          throw new Error('disk I/O error');
        },
      },
    });
    ready = false;
    const r = await f.inject({ url: '/health/ready' });
    expect(r.statusCode).toBe(503);
    expect(r.json()).toEqual({ status: 'not_ready', reason: 'the server is shutting down' });
    const d = await f.inject({ url: '/health/detailed' });
    expect(d.statusCode).toBe(503);
    expect(d.json()).toMatchObject({ status: 'degraded', checks: { database: 'error: disk I/O error' } });
    await f.close();
  });

  it('the server reports draining while a stop waits for a request in flight', async () => {
    const url = await started();
    const p = app!.catalog.projects.create({ name: 'Slow' });
    const m = app!.catalog.mocks.create(p.id, { name: 'slow', path: '/slow', method: 'GET', responseDelay: 3000 });
    app!.catalog.responses.create(m.id, { statusCode: 200, body: '{}' });
    const inFlight = fetch(`${url}/m/${p.slug}/slow`);
    // The delay holds the request in the server for 3 s: time enough for it to arrive.
    await new Promise((r) => setTimeout(r, 500));
    expect(app!.server.draining).toBe(false);
    const stopping = app!.server.stop();
    await vi.waitFor(() => expect(app!.server.draining).toBe(true), { timeout: 2000, interval: 10 });
    await inFlight.catch(() => undefined);
    await stopping;
    expect(app!.server.draining).toBe(false);
  });
});
