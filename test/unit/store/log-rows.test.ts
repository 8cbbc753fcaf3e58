import { describe, expect, it } from 'vitest';
import type { RequestLog } from '../../../shared/models';
import { openDatabase } from '../../../main/core/store/connection';
import { countLogRows, emptyLogRows, toLogRows } from '../../../main/core/store/log-rows';
import { migrate } from '../../../main/core/store/migrate';
import { logsMigrations } from '../../../main/core/store/migrations/logs';
import { RequestLogsRepo } from '../../../main/core/store/request-logs-repo';

// Every field differs from every other, so a column written in the wrong place shows.
const full: RequestLog = {
  id: '0193a5b2-0000-7abc-8def-0123456789ab',
  projectId: 'project-1',
  mockId: 'mock-1',
  responseId: 'response-1',
  requestPath: '/orders/42',
  requestMethod: 'POST',
  requestHeaders: { host: 'localhost', 'x-tenant': 'acme' },
  requestQuery: { v: '7', tag: ['a', 'b'] },
  requestBody: 'AP8=',
  requestBodyEncoding: 'base64',
  responseStatus: 201,
  responseHeaders: Object.freeze({ 'content-type': 'application/json', 'x-mock': 'yes' }),
  responseBody: '{"ok":true}',
  responseBodyEncoding: 'utf8',
  responseBodyTruncated: true,
  responseTimeMs: 12.5,
  ipAddress: '10.0.0.9',
  userAgent: 'curl/8',
  errorCode: 'MOCK_NOT_FOUND',
  conditionFailures: [
    {
      responseId: 'r0',
      responseName: 'tenant acme',
      condition: { type: 'header', field: 'x-tenant', operator: 'equals', value: 'acme' },
      actual: 'other',
    },
  ],
  createdAt: '2026-11-22T10:00:00.000Z',
  chaos: { source: 'mock', latencyMs: 120, errorStatus: 503 },
  proxied: { upstream: 'http://127.0.0.1:9/orders/42', upstreamStatus: 202, upstreamMs: 3.25 },
  federation: { id: 'federation-1', name: 'shop', service: 'orders', realityLevel: 'blended' },
};

describe('log rows', () => {
  it('carry every field of a RequestLog into its column and back', () => {
    const db = openDatabase(':memory:', 'NORMAL');
    migrate(db, logsMigrations);
    const repo = new RequestLogsRepo(db);
    repo.insertRows(toLogRows([full, { ...full, id: '0193a5b2-0001-7abc-8def-0123456789ab', mockId: null }]), 100);
    expect(repo.get(full.id)).toEqual({ ...full, responseHeaders: { ...full.responseHeaders } });
    expect(repo.get('0193a5b2-0001-7abc-8def-0123456789ab')?.mockId).toBeNull();
    // A request no proxy sent anywhere reads back as not proxied.
    repo.insertRows(toLogRows([{ ...full, id: '0193a5b2-0002-7abc-8def-0123456789ab', proxied: null }]), 100);
    expect(repo.get('0193a5b2-0002-7abc-8def-0123456789ab')?.proxied).toBeNull();
    // Nor one that came through no federation.
    repo.insertRows(toLogRows([{ ...full, id: '0193a5b2-0003-7abc-8def-0123456789ab', federation: null }]), 100);
    expect(repo.get('0193a5b2-0003-7abc-8def-0123456789ab')?.federation).toBeNull();
  });

  it('write counters that count requests whose rows were dropped, and counters alone', () => {
    const db = openDatabase(':memory:', 'NORMAL');
    migrate(db, logsMigrations);
    const repo = new RequestLogsRepo(db);
    const all = [0, 1, 2, 3].map((i) => ({ ...full, id: `id-${i}`, errorCode: null }));
    const counters = countLogRows(toLogRows(all));
    repo.insertRows(toLogRows(all.slice(3)), 100, counters); // the other three were dropped
    expect(repo.page({ projectId: full.projectId }, 1, 10).pagination.total).toBe(1);
    expect(repo.mockCounters(full.projectId).get('mock-1')?.totalRequests).toBe(4);
    repo.insertRows(emptyLogRows(), 100, countLogRows(toLogRows([full])));
    expect(repo.mockCounters(full.projectId).get('mock-1')?.totalRequests).toBe(5);
    expect(repo.projectStats(full.projectId, []).totalRequests).toBe(5);
    expect(repo.page({ projectId: full.projectId }, 1, 10).pagination.total).toBe(1);
  });
});
