import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RequestLog } from '../../../shared/models';
import { openDatabase } from '../../../main/core/store/connection';
import { LOG_COLUMNS, toLogRows } from '../../../main/core/store/log-rows';
import { migrate } from '../../../main/core/store/migrate';
import { logsMigrations } from '../../../main/core/store/migrations/logs';
import { RequestLogsRepo } from '../../../main/core/store/request-logs-repo';
import { newTimeOrderedId } from '../../../main/core/util/ids';

const log = (over: Partial<RequestLog>): RequestLog => ({
  id: newTimeOrderedId(),
  projectId: 'p1',
  mockId: 'm1',
  responseId: 'r1',
  requestPath: '/x',
  requestMethod: 'GET',
  requestHeaders: { host: 'h' },
  requestQuery: {},
  requestBody: '',
  responseStatus: 200,
  responseHeaders: {},
  responseBody: '',
  responseBodyTruncated: false,
  responseTimeMs: 2,
  ipAddress: '127.0.0.1',
  userAgent: 'ua',
  errorCode: null,
  conditionFailures: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

function repo() {
  const db = openDatabase(':memory:', 'NORMAL');
  migrate(db, logsMigrations);
  return { db, logs: new RequestLogsRepo(db) };
}

describe('RequestLogsRepo.insertBatch', () => {
  it('sums hit counters per mock and project across a batch and across batches', () => {
    const { logs } = repo();
    logs.insertBatch(
      [
        log({ mockId: 'm1', responseTimeMs: 2, createdAt: '2026-01-01T00:00:01.000Z' }),
        log({ mockId: 'm2', responseTimeMs: 10, createdAt: '2026-01-01T00:00:03.000Z' }),
        log({ mockId: 'm1', responseTimeMs: 4, createdAt: '2026-01-01T00:00:02.000Z' }),
        log({ mockId: null, responseStatus: 404, createdAt: '2026-01-01T00:00:05.000Z' }),
        log({ projectId: 'p2', mockId: 'm9', createdAt: '2026-01-01T00:00:09.000Z' }),
      ],
      100,
    );
    logs.insertBatch([log({ mockId: 'm1', responseTimeMs: 6, createdAt: '2026-01-01T00:00:04.000Z' })], 100);
    const stats = logs.projectStats('p1', [
      { id: 'm1', name: 'one', path: '/1', method: 'GET' },
      { id: 'm2', name: 'two', path: '/2', method: 'GET' },
    ]);
    expect(stats.totalRequests).toBe(5);
    expect(stats.lastRequestAt).toBe('2026-01-01T00:00:05.000Z');
    expect(stats.mocks).toEqual([
      expect.objectContaining({
        mockId: 'm1',
        totalRequests: 3,
        avgResponseTimeMs: 4,
        lastRequestAt: '2026-01-01T00:00:04.000Z',
      }),
      expect.objectContaining({ mockId: 'm2', totalRequests: 1, avgResponseTimeMs: 10 }),
    ]);
    expect(logs.projectStats('p2', []).totalRequests).toBe(1);
  });

  it('keeps the newest `retention` rows per project, counters untouched', () => {
    const { logs } = repo();
    const batch = Array.from({ length: 30 }, (_, i) => log({ requestPath: `/n/${i}` }));
    logs.insertBatch(batch.slice(0, 20), 10);
    logs.insertBatch(batch.slice(20), 10);
    const page = logs.page({ projectId: 'p1' }, 1, 100);
    expect(page.pagination.total).toBe(10);
    expect(page.data.map((l) => l.requestPath)).toEqual(Array.from({ length: 10 }, (_, i) => `/n/${29 - i}`));
    expect(logs.projectStats('p1', []).totalRequests).toBe(30);
  });

  it('keeps retention exact across batches, per project, and after its own deletes', () => {
    const { logs } = repo();
    const paths = (projectId: string) => logs.page({ projectId }, 1, 100).data.map((l) => l.requestPath);
    for (let b = 0; b < 7; b++) {
      logs.insertBatch(
        Array.from({ length: 3 }, (_, i) => log({ requestPath: `/p1/${b * 3 + i}` })).concat(
          log({ projectId: 'p2', requestPath: `/p2/${b}` }),
        ),
        5,
      );
    }
    expect(paths('p1')).toEqual(['/p1/20', '/p1/19', '/p1/18', '/p1/17', '/p1/16']);
    expect(paths('p2')).toEqual(['/p2/6', '/p2/5', '/p2/4', '/p2/3', '/p2/2']);
    logs.clearProject('p1');
    logs.insertBatch([log({ requestPath: '/after-clear' })], 5);
    expect(paths('p1')).toEqual(['/after-clear']);
  });

  it('notices rows another connection deleted (the writer thread shares logs.db with the app)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mockdeck-logs-'));
    try {
      const file = path.join(dir, 'logs.db');
      const writerDb = openDatabase(file, 'NORMAL');
      migrate(writerDb, logsMigrations);
      const appDb = openDatabase(file, 'NORMAL');
      const writer = new RequestLogsRepo(writerDb);
      const app = new RequestLogsRepo(appDb);
      writer.insertBatch(
        Array.from({ length: 8 }, (_, i) => log({ requestPath: `/old/${i}` })),
        5,
      );
      app.clearProject('p1');
      // Were the writer to trust its own count (5), three new rows would make 8 and cut them to 5… of 3.
      writer.insertBatch(
        Array.from({ length: 3 }, (_, i) => log({ requestPath: `/new/${i}` })),
        5,
      );
      expect(app.page({ projectId: 'p1' }, 1, 100).data.map((l) => l.requestPath)).toEqual([
        '/new/2',
        '/new/1',
        '/new/0',
      ]);
      writer.insertBatch(
        Array.from({ length: 4 }, (_, i) => log({ requestPath: `/more/${i}` })),
        5,
      );
      expect(app.page({ projectId: 'p1' }, 1, 100).pagination.total).toBe(5);
      writerDb.close();
      appDb.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Writes logs as a schema from before the body encodings (logs migration 3) has them. */
function insertWithoutEncodings(db: ReturnType<typeof openDatabase>, logs: RequestLog[]): void {
  const columns = LOG_COLUMNS.slice(0, LOG_COLUMNS.indexOf('request_body_encoding'));
  const insert = db.prepare(
    `INSERT INTO request_logs (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  for (const l of logs) insert.run(toLogRows([l]).cells.slice(0, columns.length));
}

describe('logs migration 2', () => {
  it('rebuilds request_logs without AUTOINCREMENT and keeps every row', () => {
    const db = openDatabase(':memory:', 'NORMAL');
    migrate(db, logsMigrations.slice(0, 1));
    insertWithoutEncodings(db, [log({ requestPath: '/a' }), log({ requestPath: '/b' })]);
    migrate(db, logsMigrations);
    const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'request_logs'").get() as { sql: string }).sql;
    expect(sql).not.toMatch(/AUTOINCREMENT/);
    const logs = new RequestLogsRepo(db);
    expect(logs.page({ projectId: 'p1' }, 1, 10).data.map((l) => l.requestPath)).toEqual(['/b', '/a']);
    logs.insertBatch([log({ requestPath: '/c' })], 100);
    expect(logs.page({ projectId: 'p1' }, 1, 10).data.map((l) => l.requestPath)).toEqual(['/c', '/b', '/a']);
  });
});

describe('logs migration 3', () => {
  it('adds the body encodings, reading rows logged before as text', () => {
    const db = openDatabase(':memory:', 'NORMAL');
    migrate(db, logsMigrations.slice(0, 2));
    const old = log({ requestBody: '{"a":1}', responseBody: 'ok' });
    insertWithoutEncodings(db, [old]);
    migrate(db, logsMigrations);
    const logs = new RequestLogsRepo(db);
    expect(logs.get(old.id)).toMatchObject({ requestBodyEncoding: 'utf8', responseBodyEncoding: 'utf8' });
    const binary = log({ requestBody: 'AAH/', requestBodyEncoding: 'base64', responseBodyEncoding: 'base64' });
    logs.insertBatch([binary], 100);
    expect(logs.get(binary.id)).toMatchObject({ requestBodyEncoding: 'base64', responseBodyEncoding: 'base64' });
  });
});
