import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../main/core/store/store';
import { LOG_COLUMNS, type LogCell } from '../main/core/store/log-rows';
import { logsAfter } from '../main/core/store/request-log-query';
import { searchRequestLogs } from '../main/core/store/request-log-search';
import type { RequestLogFilter } from '../shared/models';

/**
 * The log viewer's reads at scale (issue 17): rows are written straight into logs.db (one
 * prepared INSERT in big transactions, through the same indexes and trigram trigger as
 * served requests), then each read the viewer makes is timed, median of RUNS, at 10,000 and
 * at 1,000,000 rows in one project. Target: each under 50 ms at 1,000,000.
 */
export interface LogCase {
  name: string;
  /** Median ms per rows count, in SIZES order. */
  ms: number[];
  /** What the read returned at the largest size (rows on the page / total). */
  note: string;
}

export const LOG_SIZES = [10_000, Number(process.env.BENCH_LOG_ROWS ?? 1_000_000)];
const RUNS = 7;
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];
const STATUSES = [200, 201, 204, 404, 500, 302];

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

function seed(insert: (cells: LogCell[]) => void, projectId: string, mockIds: string[], from: number, to: number) {
  const start = Date.UTC(2026, 0, 1);
  for (let i = from; i < to; i++) {
    const status = STATUSES[i % STATUSES.length]!;
    const row: Record<(typeof LOG_COLUMNS)[number], LogCell> = {
      id: `bench-${String(i).padStart(8, '0')}`,
      project_id: projectId,
      mock_id: status === 404 ? null : mockIds[i % mockIds.length]!,
      response_id: null,
      request_path: `/items/${i}/${i % 3 === 0 ? 'detail' : 'list'}`,
      request_method: METHODS[i % METHODS.length]!,
      request_headers: '{"accept":"application/json"}',
      request_query: '{}',
      request_body: '',
      response_status: status,
      response_headers: '{"content-type":"application/json"}',
      response_body: '{"ok":true}',
      response_body_truncated: 0,
      response_time_ms: 1.5,
      ip_address: '127.0.0.1',
      user_agent: 'bench',
      error_code: status === 404 ? 'MOCK_NOT_FOUND' : null,
      condition_failures: '[]',
      // One request every 10 ms: a million rows span about 2.8 hours.
      created_at: new Date(start + i * 10).toISOString(),
      request_body_encoding: 'utf8',
      response_body_encoding: 'utf8',
      upstream_url: null,
      upstream_status: null,
      upstream_time_ms: null,
      chaos: null,
      also_matched: null,
      federation_id: null,
      federation_name: null,
      federation_service: null,
      reality_level: null,
    };
    insert(LOG_COLUMNS.map((c) => row[c]));
  }
}

function time(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

export function runLogsBench(): LogCase[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mockdeck-logs-bench-'));
  const store = openStore(dir);
  try {
    const db = store.logsDb;
    const stmt = db.prepare(
      `INSERT INTO request_logs (${LOG_COLUMNS.join(', ')}) VALUES (${LOG_COLUMNS.map(() => '?').join(', ')})`,
    );
    const insertMany = db.transaction((rows: LogCell[][]) => {
      for (const r of rows) stmt.run(r);
    });
    const projectId = 'bench-project';
    // Bulk seeding: the path index is built once at the end ('rebuild') instead of row by row
    // through its trigger; served requests go through the trigger (log writer, in batches).
    db.exec('DROP TRIGGER request_logs_path_ins');
    const mockIds = Array.from({ length: 20 }, (_, i) => `mock-${i}`);
    const cases = new Map<string, LogCase>();
    let written = 0;
    for (const [s, size] of LOG_SIZES.entries()) {
      const t0 = performance.now();
      while (written < size) {
        const batch: LogCell[][] = [];
        const to = Math.min(size, written + 50_000);
        seed((c) => batch.push(c), projectId, mockIds, written, to);
        insertMany(batch);
        written = to;
      }
      db.exec(`INSERT INTO request_logs_path(request_logs_path) VALUES ('rebuild')`);
      db.pragma('optimize');
      console.log(`logs bench: ${size.toLocaleString('en')} rows written in ${Math.round(performance.now() - t0)} ms`);
      const newestId = `bench-${String(size - 1).padStart(8, '0')}`;
      const mid = new Date(Date.UTC(2026, 0, 1) + Math.floor(size / 2) * 10);
      // A page in the middle of the log, reached by cursor as the viewer pages deep.
      const deepCursor = `bench-${String(Math.floor(size / 2)).padStart(8, '0')}`;
      const reads: [string, () => { rows: unknown[]; total: number; totalCapped: boolean }][] = [
        ['first page (50 newest) + count', () => list({ projectId }, 0)],
        ['deep page by cursor (middle of the log)', () => list({ projectId }, 0, deepCursor)],
        ['deep page by offset (row 5,000)', () => list({ projectId }, 5000)],
        ['filter method = DELETE', () => list({ projectId, method: 'DELETE' }, 0)],
        ['filter status class 5xx', () => list({ projectId, statusClass: '5xx' }, 0)],
        ['filter mock', () => list({ projectId, mockId: 'mock-7' }, 0)],
        ['filter unmatched (no mock)', () => list({ projectId, unmatched: true }, 0)],
        [
          'filter time range (10 minutes in the middle)',
          () =>
            list(
              {
                projectId,
                startDate: mid.toISOString(),
                endDate: new Date(mid.getTime() + 600_000).toISOString(),
              },
              0,
            ),
        ],
        ['path search "/detail" (a third of rows)', () => list({ projectId, pathText: '/detail' }, 0)],
        [
          `path search "/${Math.floor(size / 3)}/" (one row)`,
          () => list({ projectId, pathText: `/${Math.floor(size / 3)}/` }, 0),
        ],
        [
          'method + status + path combined',
          () => list({ projectId, method: 'GET', statusClass: '2xx', pathText: 'list' }, 0),
        ],
      ];
      function list(filter: RequestLogFilter, offset: number, before?: string) {
        return searchRequestLogs(store, filter, { limit: 50, offset, before });
      }
      for (const [name, read] of reads) {
        const key = name.replace(/"\/\d+\/"/, '"/N/"');
        read(); // warm the page cache and the prepared statements
        const ms = median(Array.from({ length: RUNS }, () => time(read)));
        const r = read();
        const c = cases.get(key) ?? { name: key, ms: [], note: '' };
        c.ms[s] = ms;
        c.note = `${r.rows.length} rows, total ${r.total.toLocaleString('en')}${r.totalCapped ? '+' : ''}`;
        cases.set(key, c);
      }
      const exportMs = median(
        Array.from({ length: RUNS }, () =>
          time(() => logsAfter(db, { projectId }, newestId === '' ? undefined : deepCursor, 1000)),
        ),
      );
      const e = cases.get('export chunk (1,000 full rows by cursor)') ?? {
        name: 'export chunk (1,000 full rows by cursor)',
        ms: [],
        note: '1,000 rows',
      };
      e.ms[s] = exportMs;
      cases.set(e.name, e);
    }
    return [...cases.values()];
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
