import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, type CallInput, type CallName } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import { openApp, type App } from '../../../main/core/app';
import { Core } from '../../../main/core/core';
import { createRouter, INTERNAL_MESSAGE, type Router } from '../../../main/core/handlers';
import { AppError } from '../../../main/core/util/errors';

const app = { version: '9.9.9', dataDir: null, platform: 'test' };
const quiet = { error: vi.fn(), warn: vi.fn() };

let core: App;
let router: Router;

beforeAll(async () => {
  core = await openApp({ dataDir: null, port: 0, version: '9.9.9', logger: quiet, cloud: { secrets: 'session-only' } });
  router = core.router;
});
afterAll(async () => {
  await core.close();
});

const ok = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
};
const call = <K extends CallName>(name: K, input: CallInput<K>) => router.call(name, input);

describe('router registry', () => {
  it('has a handler for every call in the contract', () => {
    expect(new Set(router.registered())).toEqual(new Set(CALL_NAMES));
  });

  it('refuses a name registered twice', () => {
    const r = createRouter({ core, app });
    r.handle('app.info', () => ({ version: '1', dataDir: null, platform: 'x', transport: 'direct' }));
    expect(() =>
      r.handle('app.info', () => ({ version: '2', dataDir: null, platform: 'x', transport: 'direct' })),
    ).toThrow(/already has a handler/);
  });

  it('refuses to register a name that is not in the contract', () => {
    const r = createRouter({ core, app });
    expect(() => r.handle('nope.nothing' as CallName, () => undefined as never)).toThrow(/not a call/);
  });

  it('answers a known call without a handler with NOT_FOUND', async () => {
    const r = createRouter({ core, app });
    const res = await r.dispatch('projects.list', undefined);
    expect(res).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'name' } });
  });
});

describe('dispatch', () => {
  it('rejects unknown names, including prototype keys, with VALIDATION_ERROR on the name', async () => {
    for (const name of ['projects.explode', 'toString', '__proto__', 42, null, undefined]) {
      const res = await router.dispatch(name, {});
      expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', field: 'name' } });
    }
  });

  it('rejects bad input with VALIDATION_ERROR naming the field, before any handler runs', async () => {
    const before = ok(await call('projects.list', undefined)).length;
    const res = await router.dispatch('projects.create', { name: '   ' });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', field: 'name' } });
    const nested = await router.dispatch('mocks.create', {
      projectId: 'p',
      mock: { name: 'x', path: 'no-slash', method: 'GET' },
    });
    expect(nested).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', field: 'mock.path' } });
    const limit = await router.dispatch('requestLogs.list', { projectId: 'p', limit: 10_000 });
    expect(limit).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', field: 'limit' } });
    const extra = await router.dispatch('server.status', { sneaky: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    expect(ok(await call('projects.list', undefined))).toHaveLength(before);
  });

  it('keeps an AppError code, field and hint', async () => {
    const res = await call('projects.get', { id: 'missing' });
    expect(res).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringContaining('missing') }),
    });
    ok(await call('projects.create', { name: 'Dup', slug: 'dup' }));
    const conflict = await call('projects.create', { name: 'Dup 2', slug: 'dup' });
    expect(conflict).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'slug', hint: expect.any(String) } });
  });

  it('maps any other error to INTERNAL_ERROR with a generic message, and logs the real one', async () => {
    const r = createRouter({ core, app, logger: quiet });
    r.handle('projects.list', () => {
      throw new Error('SQLITE_CORRUPT at /home/me/secret/path');
    });
    r.handle('projects.get', () => {
      throw new AppError('CONFLICT', 'kept as is', { field: 'id' });
    });
    const res = await r.dispatch('projects.list', undefined);
    expect(res).toEqual({ ok: false, error: { code: 'INTERNAL_ERROR', message: INTERNAL_MESSAGE } });
    expect(JSON.stringify(res)).not.toContain('secret');
    expect(quiet.error).toHaveBeenCalledWith(
      expect.stringContaining('projects.list'),
      expect.objectContaining({ call: 'projects.list', error: expect.any(Error) }),
    );
    expect(await r.dispatch('projects.get', { id: 'x' })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'kept as is', field: 'id' },
    });
  });

  it('tells handlers which transport the call came through', async () => {
    expect(ok(await router.dispatch('app.info', undefined))).toMatchObject({ transport: 'direct', version: '9.9.9' });
    expect(ok(await router.forTransport('web-bridge').dispatch('app.info', {}))).toMatchObject({
      transport: 'web-bridge',
    });
  });
});

describe('every call end to end on a Core', () => {
  it('runs the editor flow through the table', async () => {
    const project = ok(await call('projects.create', { name: 'Shop API' }));
    expect(project.slug).toBe('shop-api');
    ok(await call('projects.update', { id: project.id, patch: { description: 'demo' } }));
    expect(ok(await call('projects.list', { search: 'shop' })).map((p) => p.id)).toContain(project.id);

    const mock = ok(
      await call('mocks.create', { projectId: project.id, mock: { name: 'Items', path: '/items/:id', method: 'get' } }),
    );
    expect(mock).toMatchObject({ path: '/items/{id}', method: 'GET' });
    ok(await call('mocks.update', { id: mock.id, patch: { responseDelay: 0 } }));
    const r1 = ok(
      await call('responses.create', { mockId: mock.id, response: { name: 'OK', body: '{"id":"{{params.id}}"}' } }),
    );
    const r2 = ok(
      await call('responses.create', { mockId: mock.id, response: { name: 'Gone', statusCode: 404, isDefault: true } }),
    );
    // Weight 0 takes OK out of the weighted draw, so the request below always gets Gone.
    ok(await call('responses.update', { mockId: mock.id, id: r1.id, patch: { weight: 0 } }));
    expect(ok(await call('responses.reorder', { mockId: mock.id, order: [r2.id, r1.id] })).map((r) => r.id)).toEqual([
      r2.id,
      r1.id,
    ]);
    expect(ok(await call('responses.list', { mockId: mock.id }))).toHaveLength(2);
    expect(ok(await call('mocks.get', { id: mock.id })).responses).toHaveLength(2);
    expect(ok(await call('mocks.list', { projectId: project.id }))[0]).toMatchObject({ id: mock.id, hits: 0 });
    expect(ok(await call('projects.get', { id: project.id })).mocks).toHaveLength(1);

    const state = ok(await call('server.start', undefined));
    expect(state.running).toBe(true);
    expect(ok(await call('server.status', {})).url).toBe(state.url);
    const res = await fetch(`${state.url}/m/shop-api/items/7`);
    expect(res.status).toBe(404); // the only response with weight
    await res.arrayBuffer();

    const logs = ok(await call('requestLogs.list', { projectId: project.id }));
    expect(logs.total).toBe(1);
    expect(logs.rows[0]).toMatchObject({
      requestMethod: 'GET',
      responseStatus: 404,
      mockName: 'Items',
      responseName: 'Gone',
    });
    expect(logs.rows[0]).not.toHaveProperty('responseBody');
    const full = ok(await call('requestLogs.get', { id: logs.rows[0]!.id }));
    expect(full.requestPath).toContain('/items/7');
    expect(ok(await call('stats.project', { projectId: project.id })).totalRequests).toBe(1);
    expect(ok(await call('requestLogs.clear', { projectId: project.id }))).toEqual({ cleared: true });
    expect(ok(await call('requestLogs.list', { projectId: project.id })).total).toBe(0);
    expect(ok(await call('server.stop', undefined)).running).toBe(false);

    const mockCopy = ok(await call('mocks.duplicate', { id: mock.id }));
    expect(mockCopy.name).toBe('Items (Copy)');
    expect(ok(await call('responses.delete', { mockId: mock.id, id: r1.id }))).toEqual({ deleted: true });
    expect(ok(await call('mocks.delete', { id: mockCopy.id }))).toEqual({ deleted: true });
    const projectCopy = ok(await call('projects.duplicate', { id: project.id }));
    expect(projectCopy.slug).toBe('shop-api-copy');
    expect(ok(await call('projects.delete', { id: projectCopy.id }))).toEqual({ deleted: true });
    expect(await call('projects.get', { id: projectCopy.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await call('requestLogs.get', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('reports a taken port as PORT_IN_USE instead of failing', async () => {
    const other = Core.open({ dataDir: null, port: 0 });
    try {
      const taken = await other.server.start();
      const res = await call('server.start', { port: taken.port });
      expect(res).toMatchObject({ ok: false, error: { code: 'PORT_IN_USE' } });
      expect(ok(await call('server.status', undefined)).error?.code).toBe('PORT_IN_USE');
    } finally {
      await other.close();
      await core.server.stop();
    }
  });
});
