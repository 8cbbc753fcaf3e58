import { afterEach, describe, expect, it } from 'vitest';
import type { RequestLog } from '../../../shared/models';
import { TRIM_BATCH } from '../../../main/core/store/request-logs-repo';
import { startHarness, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const call = async <T>(hx: Harness, name: string, input: unknown): Promise<T> => {
  const r = await hx.app.router.call(name as 'requestLogs.retention', input as never, { transport: 'cli' });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
};

const rowsOf = (hx: Harness, projectId = hx.project.id) => {
  hx.core.server.flushLogs();
  return hx.core.store.logs.rowCount(projectId);
};

/** Waits for the background trimmer (a step per event-loop turn) to finish. */
async function trimmed(hx: Harness, projectId: string, rows: number): Promise<void> {
  for (let i = 0; i < 500 && rowsOf(hx, projectId) > rows; i++) await new Promise((r) => setTimeout(r, 5));
}

function fakeLog(projectId: string, i: number): RequestLog {
  return {
    id: `seed-${projectId}-${i}`,
    projectId,
    mockId: null,
    responseId: null,
    requestPath: `/p/${i}`,
    requestMethod: 'GET',
    requestHeaders: {},
    requestQuery: {},
    requestBody: '',
    responseStatus: 404,
    responseHeaders: {},
    responseBody: '',
    responseBodyTruncated: false,
    responseTimeMs: 1,
    ipAddress: '127.0.0.1',
    userAgent: '',
    errorCode: 'MOCK_NOT_FOUND',
    conditionFailures: [],
    createdAt: new Date(Date.UTC(2026, 0, 1) + i).toISOString(),
  };
}

describe('request-log retention', () => {
  it('keeps the default number of rows per project, set by the option and changed from the settings call', async () => {
    h = await startHarness({ logRetention: 3 });
    h.addMock({ name: 'a', method: 'GET', path: '/a' }, [{ body: 'a' }]);
    for (let i = 0; i < 6; i++) await (await fetch(h.url('/a'))).text();
    expect(rowsOf(h)).toBe(3);
    expect(await call(h, 'requestLogs.retention', { projectId: h.project.id })).toMatchObject({
      defaultRetention: 3,
      projectRetention: null,
      effective: 3,
      rows: 3,
    });
    // Lowering the default trims at once, without waiting for a request; it is kept in settings.
    await call(h, 'requestLogs.setDefaultRetention', { rows: 1 });
    await trimmed(h, h.project.id, 1);
    expect(rowsOf(h)).toBe(1);
    expect(h.core.store.settings.get('logs.retention')).toBe('1');
    const bad = await h.app.router.call('requestLogs.setDefaultRetention', { rows: -1 }, { transport: 'cli' });
    expect(bad.ok).toBe(false);
  });

  it("lets a project keep its own number, 0 keeping none, and leaves other projects' logs alone", async () => {
    h = await startHarness({ logRetention: 100 });
    h.addMock({ name: 'a', method: 'GET', path: '/a' }, [{ body: 'a' }]);
    const other = h.core.catalog.projects.create({ name: 'Other', slug: 'other' });
    h.core.catalog.mocks.create(other.id, { name: 'b', method: 'GET', path: '/b' });
    for (let i = 0; i < 4; i++) {
      await (await fetch(h.url('/a'))).text();
      await (await fetch(`${h.base}/m/other/b`)).text();
    }
    expect(rowsOf(h)).toBe(4);
    h.core.catalog.projects.update(h.project.id, { logRetention: 2 });
    await trimmed(h, h.project.id, 2);
    expect(rowsOf(h)).toBe(2);
    h.core.catalog.projects.update(h.project.id, { logRetention: 0 });
    await (await fetch(h.url('/a'))).text();
    await trimmed(h, h.project.id, 0);
    expect(rowsOf(h)).toBe(0);
    expect(rowsOf(h, other.id)).toBe(4);
    // Hit counters still count every request.
    const stats = await call<{ totalRequests: number }>(h, 'stats.project', { projectId: h.project.id });
    expect(stats.totalRequests).toBe(5);
  });

  it('trims a large overflow in bounded steps in the background', async () => {
    h = await startHarness({ logRetention: 100_000 });
    const n = TRIM_BATCH * 2 + 500;
    h.core.store.logs.insertBatch(
      Array.from({ length: n }, (_, i) => fakeLog(h!.project.id, i)),
      100_000,
    );
    expect(rowsOf(h)).toBe(n);
    h.core.catalog.projects.update(h.project.id, { logRetention: 10 });
    await trimmed(h, h.project.id, 10);
    expect(rowsOf(h)).toBe(10);
    // The newest stayed.
    const page = h.core.store.logs.page({ projectId: h.project.id }, 1, 10).data.map((l) => l.id);
    expect(page[0]).toBe(`seed-${h.project.id}-${n - 1}`);
  });
});
