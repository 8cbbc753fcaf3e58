import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_LOG_OFFSET, MAX_LOG_PAGE } from '../../../shared/ipc/contract';
import type { RequestLog } from '../../../shared/models';
import { seedProject, startApi, type Api } from './harness';

let api: Api;
let mockId: string;
let otherMockId: string;
let projectId: string;

/** 130 logs for the mock, one a minute from 2026-02-01T00:00Z, plus 5 for another mock. */
function seedLogs(): void {
  const base = Date.parse('2026-02-01T00:00:00.000Z');
  const log = (i: number, mid: string): RequestLog => ({
    id: crypto.randomUUID(),
    projectId,
    mockId: mid,
    responseId: null,
    requestPath: `/users?i=${i}`,
    requestMethod: 'GET',
    requestHeaders: { 'user-agent': 'vitest', 'x-i': String(i) },
    requestQuery: { i: String(i) },
    requestBody: '',
    responseStatus: 200,
    responseHeaders: { 'content-type': 'application/json' },
    responseBody: '{}',
    responseBodyTruncated: false,
    responseTimeMs: i,
    ipAddress: '127.0.0.1',
    userAgent: 'vitest',
    errorCode: null,
    conditionFailures: [],
    createdAt: new Date(base + i * 60_000).toISOString(),
  });
  const logs = Array.from({ length: 130 }, (_, i) => log(i, mockId));
  logs.push(...Array.from({ length: 5 }, (_, i) => log(i, otherMockId)));
  api.store.logs.insertBatch(logs, 10_000);
}

beforeAll(async () => {
  api = await startApi();
  ({ projectId, mockId, otherMockId } = await seedProject(api));
  seedLogs();
});
afterAll(async () => {
  await api.close();
});

describe('GET /mocks/:id/request-logs (mockbird-api.md §6)', () => {
  it('defaults to page 1, limit 50, newest first, with the documented pagination', async () => {
    const r = await api.call('GET', `/mocks/${mockId}/request-logs`);
    expect(r.status).toBe(200);
    expect(r.json.pagination).toEqual({ page: 1, limit: 50, total: 130, totalPages: 3 });
    expect(r.json.data).toHaveLength(50);
    expect(r.json.data[0].request_path).toBe('/users?i=129');
    const row = r.json.data[0];
    expect(row).toMatchObject({
      mock_id: mockId,
      project_id: projectId,
      request_method: 'GET',
      request_body: '',
      response_status: 200,
      response_time_ms: 129,
      ip_address: '127.0.0.1',
      user_agent: 'vitest',
      created_at: '2026-02-01T02:09:00.000Z',
    });
    expect(typeof row.log_id).toBe('string');
    expect(JSON.parse(row.request_headers)).toEqual({ 'user-agent': 'vitest', 'x-i': '129' });
    expect(JSON.parse(row.request_query)).toEqual({ i: '129' });
  });

  it('pages through with page and limit', async () => {
    const p3 = await api.call('GET', `/mocks/${mockId}/request-logs?page=3&limit=50`);
    expect(p3.json.pagination).toEqual({ page: 3, limit: 50, total: 130, totalPages: 3 });
    expect(p3.json.data).toHaveLength(30);
    expect(p3.json.data.at(-1).request_path).toBe('/users?i=0');
    const small = await api.call('GET', `/mocks/${mockId}/request-logs?page=2&limit=7`);
    expect(small.json.data.map((l: { response_time_ms: number }) => l.response_time_ms)).toEqual([
      122, 121, 120, 119, 118, 117, 116,
    ]);
    const beyond = await api.call('GET', `/mocks/${mockId}/request-logs?page=99`);
    expect(beyond.status).toBe(200);
    expect(beyond.json.data).toEqual([]);
  });

  it('caps limit at 100', async () => {
    const r = await api.call('GET', `/mocks/${mockId}/request-logs?limit=500`);
    expect(r.status).toBe(200);
    expect(r.json.data).toHaveLength(100);
    expect(r.json.pagination).toEqual({ page: 1, limit: 100, total: 130, totalPages: 2 });
  });

  it('filters by startDate and endDate (ISO 8601, inclusive)', async () => {
    const r = await api.call(
      'GET',
      `/mocks/${mockId}/request-logs?startDate=2026-02-01T00:10:00Z&endDate=2026-02-01T00:19:00Z`,
    );
    expect(r.json.pagination.total).toBe(10);
    expect(r.json.data.map((l: { response_time_ms: number }) => l.response_time_ms)).toEqual([
      19, 18, 17, 16, 15, 14, 13, 12, 11, 10,
    ]);
    const offset = await api.call(
      'GET',
      `/mocks/${mockId}/request-logs?startDate=${encodeURIComponent('2026-02-01T03:00:00+01:00')}`,
    );
    expect(offset.json.pagination.total).toBe(130 - 120);
    const onlyEnd = await api.call('GET', `/mocks/${mockId}/request-logs?endDate=2026-02-01T00:04:30.000Z`);
    expect(onlyEnd.json.pagination.total).toBe(5);
  });

  it('only returns the logs of that mock', async () => {
    const r = await api.call('GET', `/mocks/${otherMockId}/request-logs`);
    expect(r.json.pagination.total).toBe(5);
    expect(r.json.data.every((l: { mock_id: string }) => l.mock_id === otherMockId)).toBe(true);
  });

  it.each([
    ['page=abc', 'page'],
    ['page=0', 'page'],
    ['limit=-1', 'limit'],
    ['limit=2.5', 'limit'],
    ['page=1&page=2', 'page'],
    ['startDate=yesterday', 'startDate'],
    ['endDate=2026-13-45T00:00:00Z', 'endDate'],
  ])('?%s is a 400 naming %s', async (query, field) => {
    const r = await api.call('GET', `/mocks/${mockId}/request-logs?${query}`);
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ error: 'VALIDATION_ERROR', field });
    expect(r.json.message).toContain(field);
  });

  it('takes pages up to MAX_LOG_PAGE; a larger page is a 400 naming the limit, never a 500', async () => {
    const last = await api.call('GET', `/mocks/${mockId}/request-logs?page=${MAX_LOG_PAGE}&limit=100`);
    expect(last.status).toBe(200);
    expect(last.json).toEqual({ data: [], pagination: { page: MAX_LOG_PAGE, limit: 100, total: 130, totalPages: 2 } });
    for (const page of [String(MAX_LOG_PAGE + 1), '1e20', '9007199254740993', '1e308']) {
      const r = await api.call('GET', `/mocks/${mockId}/request-logs?page=${page}&limit=100`);
      expect(r.status).toBe(400);
      expect(r.json).toEqual({
        error: 'VALIDATION_ERROR',
        field: 'page',
        message: `page must be a whole number from 1 to ${MAX_LOG_PAGE}, got "${page}"`,
      });
    }
  });

  it('the contract bounds page and offset for every transport, naming the limit', async () => {
    const page = await api.core.router.call('requestLogs.page', { mockId, page: 1e20 });
    expect(page).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', field: 'page' } });
    expect(!page.ok && page.error.message).toContain(`must be ${MAX_LOG_PAGE} or less`);
    const list = await api.core.router.call('requestLogs.list', { projectId, offset: MAX_LOG_OFFSET + 1 });
    expect(list).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', field: 'offset' } });
    const deepest = await api.core.router.call('requestLogs.list', { projectId, offset: MAX_LOG_OFFSET });
    expect(deepest).toMatchObject({ ok: true, value: { rows: [], total: 135 } });
  });

  it('is a 404 for an unknown mock', async () => {
    const r = await api.call('GET', '/mocks/nope/request-logs');
    expect(r.status).toBe(404);
    expect(r.json.error).toBe('NOT_FOUND');
  });
});
