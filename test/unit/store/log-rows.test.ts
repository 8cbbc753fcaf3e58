import { describe, expect, it } from 'vitest';
import type { RequestLog } from '../../../shared/models';
import { openDatabase } from '../../../main/core/store/connection';
import {
  CELL,
  LOG_WIDTH,
  appendLogRow,
  countLogRows,
  emptyLogRows,
  keepNewest,
  takeLogRows,
  toLogRows,
} from '../../../main/core/store/log-rows';
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
  requestBody: '{"qty":3}',
  responseStatus: 201,
  responseHeaders: Object.freeze({ 'content-type': 'application/json', 'x-mock': 'yes' }),
  responseBody: '{"ok":true}',
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
};

describe('log rows', () => {
  it('carry every field of a RequestLog into its column and back', () => {
    const db = openDatabase(':memory:', 'NORMAL');
    migrate(db, logsMigrations);
    const repo = new RequestLogsRepo(db);
    repo.insertRows(toLogRows([full, { ...full, id: '0193a5b2-0001-7abc-8def-0123456789ab', mockId: null }]), 100);
    expect(repo.get(full.id)).toEqual({ ...full, responseHeaders: { ...full.responseHeaders } });
    expect(repo.get('0193a5b2-0001-7abc-8def-0123456789ab')?.mockId).toBeNull();
  });

  it('split into batches without losing or reordering rows', () => {
    const rows = emptyLogRows();
    for (let i = 0; i < 7; i++) appendLogRow(rows, { ...full, id: `id-${i}` });
    expect(rows.cells).toHaveLength(7 * LOG_WIDTH);
    const first = takeLogRows(rows, 3);
    const rest = takeLogRows(rows, 10);
    expect(first.count).toBe(3);
    expect(rest.count).toBe(4);
    expect(rows.count).toBe(0);
    const ids = [first, rest].flatMap((b) => b.cells.filter((_, i) => i % LOG_WIDTH === 0));
    expect(ids).toEqual(['id-0', 'id-1', 'id-2', 'id-3', 'id-4', 'id-5', 'id-6']);
  });

  it("drop only what retention would delete on arrival: all but each project's newest rows, in order", () => {
    const order = ['a0', 'b0', 'a1', 'a2', 'b1', 'a3'];
    const rows = toLogRows(order.map((id) => ({ ...full, id, projectId: id[0]! })));
    expect(keepNewest(rows, 3)).toBe(1);
    expect(rows.count).toBe(5);
    expect(rows.cells.filter((_, i) => i % LOG_WIDTH === 0)).toEqual(['b0', 'a1', 'a2', 'b1', 'a3']);
    expect(keepNewest(rows, 1)).toBe(3);
    expect(rows.cells.filter((_, i) => i % LOG_WIDTH === 0)).toEqual(['b1', 'a3']);
    // Every row stays whole: each kept row still carries its own project in its column.
    expect(rows.cells[CELL.projectId]).toBe('b');
    expect(rows.cells[LOG_WIDTH + CELL.projectId]).toBe('a');
    const before = rows.cells;
    expect(keepNewest(rows, 1)).toBe(0);
    expect(rows.cells).toBe(before);
  });

  it('write counters that count requests whose rows were dropped, and counters alone', () => {
    const db = openDatabase(':memory:', 'NORMAL');
    migrate(db, logsMigrations);
    const repo = new RequestLogsRepo(db);
    const all = toLogRows([0, 1, 2, 3].map((i) => ({ ...full, id: `id-${i}`, errorCode: null })));
    const counters = countLogRows(all);
    keepNewest(all, 1);
    repo.insertRows(all, 100, counters);
    expect(repo.page({ projectId: full.projectId }, 1, 10).pagination.total).toBe(1);
    expect(repo.mockCounters(full.projectId).get('mock-1')?.totalRequests).toBe(4);
    repo.insertRows(emptyLogRows(), 100, countLogRows(toLogRows([full])));
    expect(repo.mockCounters(full.projectId).get('mock-1')?.totalRequests).toBe(5);
    expect(repo.projectStats(full.projectId, []).totalRequests).toBe(5);
    expect(repo.page({ projectId: full.projectId }, 1, 10).pagination.total).toBe(1);
  });
});
