import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Core } from '../../../main/core/core';
import { LogBatcher } from '../../../main/core/server/log-batcher';
import type { RequestLog } from '../../../shared/models';
import { seeded, startHarness, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const logsOf = (core: Core, projectId: string, limit = 100): RequestLog[] => {
  core.server.flushLogs();
  return core.store.logs.page({ projectId }, 1, limit).data;
};

describe('request logging', () => {
  it('logs a matched request with every field', async () => {
    h = await startHarness();
    const c = { type: 'header', field: 'x-role', operator: 'equals', value: 'admin' } as const;
    const { mockId, responseIds } = h.addMock({ name: 'orders', method: 'POST', path: '/orders/{id}' }, [
      { name: 'admin', body: 'admin', conditions: [c] },
      { name: 'ok', statusCode: 201, headers: { 'X-Id': '9' }, body: '{"ok":true}' },
    ]);
    const res = await fetch(h.url('/orders/9?expand=items&tag=a&tag=b'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'log-test/1.0', 'x-role': 'guest' },
      body: '{"qty":2}',
    });
    expect(res.status).toBe(201);
    const [log] = logsOf(h.core, h.project.id);
    expect(log).toMatchObject({
      projectId: h.project.id,
      mockId,
      responseId: responseIds[1],
      requestPath: '/orders/9',
      requestMethod: 'POST',
      requestQuery: { expand: 'items', tag: ['a', 'b'] },
      requestBody: '{"qty":2}',
      responseStatus: 201,
      responseBody: '{"ok":true}',
      responseBodyTruncated: false,
      ipAddress: '127.0.0.1',
      userAgent: 'log-test/1.0',
      errorCode: null,
      conditionFailures: [{ responseId: responseIds[0], responseName: 'admin', condition: c, actual: 'guest' }],
    });
    expect(log!.requestHeaders).toMatchObject({ 'content-type': 'application/json', 'x-role': 'guest' });
    expect(log!.responseHeaders).toMatchObject({
      'x-id': '9',
      'content-type': 'application/json; charset=utf-8',
      'access-control-allow-origin': '*',
    });
    expect(log!.responseTimeMs).toBeGreaterThanOrEqual(0);
    expect(Date.parse(log!.createdAt)).not.toBeNaN();
  });

  it('logs 404s with their error code, but not requests for unknown projects', async () => {
    h = await startHarness();
    h.addMock({ name: 'empty', method: 'GET', path: '/empty' });
    await fetch(h.url('/missing'));
    await fetch(h.url('/empty'));
    await fetch(`${h.base}/m/ghost/x`);
    const logs = logsOf(h.core, h.project.id);
    expect(logs.map((l) => [l.requestPath, l.responseStatus, l.errorCode])).toEqual([
      ['/empty', 404, 'NO_RESPONSE_DEFINED'],
      ['/missing', 404, 'MOCK_NOT_FOUND'],
    ]);
    expect(h.core.store.logs.page({}, 1, 10).pagination.total).toBe(2);
  });

  it('truncates response bodies past 64 KiB in the log, not on the wire', async () => {
    h = await startHarness();
    const big = 'x'.repeat(100 * 1024);
    h.addMock({ name: 'big', method: 'GET', path: '/big' }, [{ body: big }]);
    expect((await (await fetch(h.url('/big'))).text()).length).toBe(big.length);
    const [log] = logsOf(h.core, h.project.id);
    expect(log!.responseBodyTruncated).toBe(true);
    expect(log!.responseBody.length).toBe(64 * 1024);
  });

  it('keeps at most 64 KiB of a request body, in the log and already while it is queued', async () => {
    h = await startHarness();
    h.addMock({ name: 'upload', method: 'POST', path: '/upload' }, [{ body: 'ok' }]);
    const push = vi.spyOn(LogBatcher.prototype, 'push');
    try {
      const res = await fetch(h.url('/upload'), { method: 'POST', body: 'y'.repeat(1024 * 1024) });
      expect(await res.text()).toBe('ok');
      expect(push.mock.calls[0]![0].requestBody).toHaveLength(64 * 1024);
    } finally {
      push.mockRestore();
    }
    const [log] = logsOf(h.core, h.project.id);
    expect(log!.requestBody).toHaveLength(64 * 1024);
  });

  it('calls onRequestLogged for each request, and writes batches on its timer', async () => {
    h = await startHarness({ logFlushMs: 30 });
    h.addMock({ name: 'ping', method: 'GET', path: '/ping' }, [{ body: 'pong' }]);
    const seen: string[] = [];
    const off = h.core.server.onRequestLogged((l) => seen.push(l.requestPath));
    await fetch(h.url('/ping'));
    await fetch(h.url('/ping?x=1'));
    off();
    await fetch(h.url('/ping'));
    expect(seen).toEqual(['/ping', '/ping']);
    // No explicit flush: the timer writes them.
    await new Promise((r) => setTimeout(r, 200));
    expect(h.core.store.logs.page({ projectId: h.project.id }, 1, 10).pagination.total).toBe(3);
  });

  it('keeps only the newest logRetention rows per project', async () => {
    h = await startHarness({ logRetention: 5 });
    h.addMock({ name: 'n', method: 'GET', path: '/n/{i}' }, [{ body: 'n' }]);
    for (let i = 0; i < 12; i++) await fetch(h.url(`/n/${i}`));
    const logs = logsOf(h.core, h.project.id);
    expect(logs.map((l) => l.requestPath)).toEqual(['/n/11', '/n/10', '/n/9', '/n/8', '/n/7']);
  });

  it('writes queued logs when the server stops (no flush call, long timer)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mockdeck-logs-'));
    try {
      const core = Core.open({ dataDir: dir, port: 0, random: seeded(1), logFlushMs: 60_000, apiToken: 't' });
      const state = await core.server.start();
      const p = core.catalog.projects.create({ name: 'Keep', slug: 'keep' });
      const m = core.catalog.mocks.create(p.id, { name: 'k', method: 'GET', path: '/k' });
      core.catalog.responses.create(m.id, { body: 'k' });
      for (let i = 0; i < 3; i++) await fetch(`${state.url}/m/keep/k`);
      expect(core.store.logs.page({ projectId: p.id }, 1, 10).pagination.total).toBe(0);
      await core.close();
      const reopened = Core.open({ dataDir: dir, port: 0, apiToken: 't' });
      expect(reopened.store.logs.page({ projectId: p.id }, 1, 10).pagination.total).toBe(3);
      await reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('logs OPTIONS preflights of a known project with status 204', async () => {
    h = await startHarness();
    await fetch(h.url('/x'), { method: 'OPTIONS' });
    const [log] = logsOf(h.core, h.project.id);
    expect(log).toMatchObject({ requestMethod: 'OPTIONS', responseStatus: 204, errorCode: null });
  });
});
