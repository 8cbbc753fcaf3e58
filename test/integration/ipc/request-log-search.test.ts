import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestLog } from '../../../shared/models';
import { Catalog } from '../../../main/core/catalog/catalog';
import { LOG_COUNT_CAP } from '../../../main/core/store/request-log-query';
import { searchRequestLogs } from '../../../main/core/store/request-log-search';
import { openStore, type Store } from '../../../main/core/store/store';
import { systemClock } from '../../../main/core/util/clock';

const N = 100_000;
const METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;
const STATUSES = [200, 201, 404, 500] as const;

let store: Store;
let projectId: string;
let otherProjectId: string;
let mockId: string;
let responseId: string;

function log(i: number, over: Partial<RequestLog> = {}): RequestLog {
  return {
    id: `log-${i}`,
    projectId,
    mockId: i % 10 === 0 ? mockId : null,
    responseId: i % 10 === 0 ? responseId : null,
    requestPath: `/m/shop/items/${i}${i % 1000 === 0 ? '/100%_off' : ''}`,
    requestMethod: METHODS[i % 4]!,
    requestHeaders: { accept: 'application/json' },
    requestQuery: { page: String(i % 7) },
    requestBody: 'x'.repeat(200),
    responseStatus: STATUSES[i % 4]!,
    responseHeaders: { 'content-type': 'application/json' },
    responseBody: 'y'.repeat(500),
    responseBodyTruncated: false,
    responseTimeMs: 1,
    ipAddress: '127.0.0.1',
    userAgent: 'bench',
    errorCode: null,
    conditionFailures: [],
    createdAt: new Date(Date.UTC(2026, 0, 1) + i).toISOString(),
    ...over,
  };
}

beforeAll(() => {
  store = openStore(null);
  const catalog = new Catalog(store, systemClock);
  projectId = catalog.projects.create({ name: 'Shop' }).id;
  otherProjectId = catalog.projects.create({ name: 'Other' }).id;
  const mock = catalog.mocks.create(projectId, { name: 'Item', path: '/items/{id}', method: 'GET' });
  mockId = mock.id;
  responseId = catalog.responses.create(mockId, { name: 'Found' }).id;
  const batch: RequestLog[] = [];
  for (let i = 0; i < N; i++) batch.push(log(i));
  store.logs.insertBatch(batch, N * 2);
  store.logs.insertBatch([log(N, { id: 'elsewhere', projectId: otherProjectId })], N * 2);
}, 120_000);
afterAll(() => store.close());

const time = <T>(fn: () => T): [T, number] => {
  const t = performance.now();
  const r = fn();
  return [r, performance.now() - t];
};

const capped = (n: number): number => Math.min(n, LOG_COUNT_CAP);

describe('searchRequestLogs over 100,000 rows', () => {
  it('pages newest first with the total, and reaches the oldest row by offset quickly', () => {
    const [first, t1] = time(() => searchRequestLogs(store, { projectId }, { limit: 500, offset: 0 }));
    // Past LOG_COUNT_CAP the total is a lower bound, said so (the viewer shows "10,000+").
    expect(first).toMatchObject({ total: LOG_COUNT_CAP, totalCapped: true });
    expect(first.rows).toHaveLength(500);
    expect(first.rows[0]!.id).toBe(`log-${N - 1}`);
    expect(first.rows[499]!.id).toBe(`log-${N - 500}`);
    const [deep, t2] = time(() => searchRequestLogs(store, { projectId }, { limit: 500, offset: N - 500 }));
    expect(deep.rows.at(-1)!.id).toBe('log-0');
    // Counted past the window asked for: near the end the total is exact.
    expect(deep).toMatchObject({ total: N, totalCapped: false });
    expect(deep.rows).toHaveLength(500);
    // Generous bounds for a loaded 2-core CI box; measured ~10-30 ms here.
    expect(t1).toBeLessThan(500);
    expect(t2).toBeLessThan(500);
  });

  it('returns summaries with names and without bodies or headers', () => {
    const { rows } = searchRequestLogs(store, { projectId, mockId }, { limit: 1, offset: 0 });
    expect(rows[0]).toMatchObject({
      id: `log-${N - 10}`,
      mockName: 'Item',
      responseName: 'Found',
      requestQuery: { page: String((N - 10) % 7) },
    });
    for (const k of ['requestBody', 'responseBody', 'requestHeaders', 'responseHeaders'])
      expect(rows[0]).not.toHaveProperty(k);
    expect(searchRequestLogs(store, { projectId }, { limit: 1, offset: 1 }).rows[0]).toMatchObject({
      mockName: null,
      responseName: null,
    });
  });

  it('filters by method, status class, path text and mock, and combines them', () => {
    expect(searchRequestLogs(store, { projectId, method: 'post' }, { limit: 10, offset: 0 }).total).toBe(capped(N / 4));
    const s5 = searchRequestLogs(store, { projectId, statusClass: '5xx' }, { limit: 10, offset: 0 });
    expect(s5.total).toBe(capped(N / 4));
    expect(s5.rows.every((r) => r.responseStatus >= 500)).toBe(true);
    expect(searchRequestLogs(store, { projectId, statusClass: '2xx' }, { limit: 10, offset: 0 }).total).toBe(
      capped(N / 2),
    );
    expect(searchRequestLogs(store, { projectId, statusClass: '3xx' }, { limit: 10, offset: 0 })).toEqual({
      rows: [],
      total: 0,
      totalCapped: false,
    });
    expect(searchRequestLogs(store, { projectId, mockId }, { limit: 10, offset: 0 }).total).toBe(capped(N / 10));
    // % and _ are literal text here, not LIKE wildcards; matching ignores case.
    expect(searchRequestLogs(store, { projectId, pathText: '100%_OFF' }, { limit: 10, offset: 0 }).total).toBe(
      N / 1000,
    );
    expect(searchRequestLogs(store, { projectId, pathText: '%' }, { limit: 10, offset: 0 }).total).toBe(N / 1000);
    const [combined, t] = time(() =>
      searchRequestLogs(
        store,
        { projectId, method: 'GET', statusClass: '2xx', mockId, pathText: 'items/9' },
        { limit: 50, offset: 100 },
      ),
    );
    expect(
      combined.rows.every((r) => r.requestMethod === 'GET' && r.responseStatus === 200 && r.mockId === mockId),
    ).toBe(true);
    expect(combined.rows.every((r) => r.requestPath.includes('items/9'))).toBe(true);
    expect(t).toBeLessThan(1000);
  });

  it("never shows another project's rows, and an offset past the end is empty", () => {
    expect(
      searchRequestLogs(store, { projectId: otherProjectId }, { limit: 10, offset: 0 }).rows.map((r) => r.id),
    ).toEqual(['elsewhere']);
    expect(searchRequestLogs(store, { projectId }, { limit: 10, offset: N })).toEqual({
      rows: [],
      total: N,
      totalCapped: false,
    });
  });
});
