import type { MockStats, ResponseStats, ProjectStats, RequestLog } from '../../../shared/models';
import type { SqliteDb } from './connection';
import { CELL, LOG_COLUMNS, LOG_WIDTH, countLogRows, toLogRows, type LogCounters, type LogRows } from './log-rows';
import { pageRequestLogs, toLog, type LogQueryFilter } from './request-log-query';

export type LogFilter = Pick<LogQueryFilter, 'projectId' | 'mockId' | 'startDate' | 'endDate'>;

export type LogPage = ReturnType<typeof pageRequestLogs>;

/**
 * Free pages logs.db keeps for the next batches to reuse before they are given back to the
 * file system: retention deletes about as much as each batch inserts, so a few batches' worth
 * is never worth returning only to grow the file again.
 */
export const KEPT_FREE_PAGES = 1024;

/** Rows each project keeps: one number for all, or one per project (docs/request-logs.md "Retention"). */
export type Retention = number | ((projectId: string) => number);

/**
 * The most rows one trim deletes in one transaction: lowering a project's retention from
 * millions to thousands is done in steps (trimStep), each short enough that the batches and
 * reads waiting behind it are not held up.
 */
export const TRIM_BATCH = 10_000;

export class RequestLogsRepo {
  private readonly insertStmt;
  private readonly mockCounterStmt;
  private readonly projectCounterStmt;
  private readonly responseCounterStmt;
  private readonly statusCounterStmt;
  private readonly countStmt;
  private readonly trimStmt;
  /**
   * Rows each project has, as this connection last left them: retention then deletes just
   * the overflow, instead of walking `retention` index entries every batch to find the edge.
   * Valid while no other connection has written (PRAGMA data_version) and cleared by this
   * repo's own deletes.
   */
  private readonly rowCounts = new Map<string, number>();
  private dataVersion = -1;
  /** Projects still over their retention after a bounded trim, with that retention. */
  private readonly overflowing = new Map<string, number>();

  constructor(private readonly db: SqliteDb) {
    this.insertStmt = db.prepare(
      `INSERT INTO request_logs (${LOG_COLUMNS.join(', ')}) VALUES (${LOG_COLUMNS.map(() => '?').join(', ')})`,
    );
    this.countStmt = db.prepare('SELECT COUNT(*) AS n FROM request_logs WHERE project_id = ?').pluck();
    this.trimStmt = db.prepare(
      `DELETE FROM request_logs WHERE project_id = @projectId AND seq <=
         (SELECT seq FROM request_logs WHERE project_id = @projectId ORDER BY seq LIMIT 1 OFFSET @skip)`,
    );
    this.mockCounterStmt = db.prepare(
      `INSERT INTO mock_counters (mock_id, project_id, total_requests, total_time_ms, last_request_at)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(mock_id) DO UPDATE SET total_requests = total_requests + excluded.total_requests,
         total_time_ms = total_time_ms + excluded.total_time_ms,
         last_request_at = MAX(last_request_at, excluded.last_request_at)`,
    );
    this.projectCounterStmt = db.prepare(
      `INSERT INTO project_counters (project_id, total_requests, unmatched_requests, last_request_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(project_id) DO UPDATE SET total_requests = total_requests + excluded.total_requests,
         unmatched_requests = unmatched_requests + excluded.unmatched_requests,
         last_request_at = MAX(last_request_at, excluded.last_request_at)`,
    );
    this.responseCounterStmt = db.prepare(
      `INSERT INTO response_counters (response_id, project_id, mock_id, total_requests) VALUES (?, ?, ?, ?)
       ON CONFLICT(response_id) DO UPDATE SET total_requests = total_requests + excluded.total_requests`,
    );
    this.statusCounterStmt = db.prepare(
      `INSERT INTO status_counters (project_id, status, total_requests) VALUES (?, ?, ?)
       ON CONFLICT(project_id, status) DO UPDATE SET total_requests = total_requests + excluded.total_requests`,
    );
  }

  /** insertRows() for RequestLog objects (tests, imports, tools). */
  insertBatch(logs: readonly RequestLog[], retention: Retention): void {
    this.insertRows(toLogRows(logs), retention);
  }

  /**
   * Writes a batch in one transaction (one fsync-free WAL append instead of one per row),
   * adds `counters` to the hit counters (by default, those of the rows themselves), then
   * trims each touched project, and each of `trimAlso` (its retention just changed), to its
   * retention, at most TRIM_BATCH rows each: what is left over, trimStep() deletes.
   */
  insertRows(
    rows: LogRows,
    retention: Retention,
    counters: LogCounters = countLogRows(rows),
    trimAlso: readonly string[] = [],
  ): void {
    if (rows.count === 0 && counters.projects.size === 0 && trimAlso.length === 0) return;
    const retentionOf = typeof retention === 'number' ? () => retention : retention;
    const { cells } = rows;
    const { mocks, projects, responses, statuses } = counters;
    const added = new Map<string, number>();
    for (let at = CELL.projectId; at < cells.length; at += LOG_WIDTH) {
      const projectId = cells[at] as string;
      added.set(projectId, (added.get(projectId) ?? 0) + 1);
    }
    let trimmed = false;
    try {
      this.db
        .transaction(() => {
          this.checkDataVersion();
          for (let at = 0; at < cells.length; at += LOG_WIDTH) this.insertStmt.run(cells.slice(at, at + LOG_WIDTH));
          for (const [mockId, m] of mocks) this.mockCounterStmt.run(mockId, m.projectId, m.n, m.timeMs, m.last);
          for (const [projectId, p] of projects) this.projectCounterStmt.run(projectId, p.n, p.unmatched, p.last);
          for (const [responseId, r] of responses) this.responseCounterStmt.run(responseId, r.projectId, r.mockId, r.n);
          for (const s of statuses.values()) this.statusCounterStmt.run(s.projectId, s.status, s.n);
          for (const [projectId, n] of added) trimmed = this.trim(projectId, n, retentionOf(projectId)) || trimmed;
          for (const projectId of trimAlso) {
            if (!added.has(projectId)) trimmed = this.trim(projectId, 0, retentionOf(projectId)) || trimmed;
          }
          // IMMEDIATE: take the write lock first, so another writer's lock is waited for
          // (busy_timeout); a deferred transaction in WAL mode fails at once instead, losing the batch.
        })
        .immediate();
    } catch (e) {
      this.rowCounts.clear(); // rolled back: the counts no longer match
      throw e;
    }
    if (trimmed) this.reclaim();
  }

  /**
   * Gives free pages beyond `keep` back to the file system (logs.db is in incremental
   * auto-vacuum mode: see store.ts): after trims that left a quarter of the file free, and
   * after clears. Without it the file keeps the size of its busiest moment.
   */
  reclaim(keep = KEPT_FREE_PAGES): void {
    const free = this.db.pragma('freelist_count', { simple: true }) as number;
    if (free <= keep) return;
    const pages = this.db.pragma('page_count', { simple: true }) as number;
    if (keep > 0 && free * 4 < pages) return;
    this.db.pragma(`incremental_vacuum(${free - keep})`);
  }

  /** Runs this repo's own deletes in a transaction; they leave data_version as it is, so they reset the row counts. */
  private deleting(fn: () => void): void {
    this.db.transaction(fn)();
    this.rowCounts.clear();
    this.overflowing.clear();
    this.reclaim(0);
  }

  private checkDataVersion(): void {
    const v = this.db.pragma('data_version', { simple: true }) as number;
    if (v !== this.dataVersion) {
      this.rowCounts.clear();
      this.dataVersion = v;
    }
  }

  /**
   * Deletes the oldest rows of a project that has just received `added` rows, down to its
   * newest `retention`, at most TRIM_BATCH of them; true if it deleted some.
   */
  private trim(projectId: string, added: number, retention: number): boolean {
    const known = this.rowCounts.get(projectId);
    let count = known === undefined ? (this.countStmt.get(projectId) as number) : known + added;
    const over = count > retention;
    if (over) {
      const n = Math.min(count - retention, TRIM_BATCH);
      this.trimStmt.run({ projectId, skip: n - 1 });
      count -= n;
    }
    if (count > retention) this.overflowing.set(projectId, retention);
    else this.overflowing.delete(projectId);
    this.rowCounts.set(projectId, count);
    return over;
  }

  /** Whether a trim left rows over a project's retention (then call trimStep until it says no). */
  hasOverflow(): boolean {
    return this.overflowing.size > 0;
  }

  /**
   * One bounded step of the trimming batches left over (TRIM_BATCH rows of one project, in
   * its own transaction); true while more remains. Writers call it between batches, so
   * older rows go in the background.
   */
  trimStep(): boolean {
    const next = this.overflowing.entries().next();
    if (next.done) return false;
    const [projectId, retention] = next.value;
    let trimmed = false;
    try {
      this.db
        .transaction(() => {
          this.checkDataVersion();
          trimmed = this.trim(projectId, 0, retention);
        })
        .immediate();
    } catch (e) {
      this.rowCounts.clear();
      this.overflowing.delete(projectId);
      throw e;
    }
    if (trimmed) this.reclaim();
    return this.overflowing.size > 0;
  }

  /** Rows a project has in the log now (exact; an index count). */
  rowCount(projectId: string): number {
    return this.countStmt.get(projectId) as number;
  }

  /** Newest first, by page number: the request-log query's REST shape (request-log-query.ts). */
  page(filter: LogFilter, page: number, limit: number): LogPage {
    return pageRequestLogs(this.db, filter, page, limit);
  }

  get(id: string): RequestLog | undefined {
    const row = this.db.prepare('SELECT * FROM request_logs WHERE id = ?').get(id) as
      Parameters<typeof toLog>[0] | undefined;
    return row && toLog(row);
  }

  clearProject(projectId: string): void {
    this.deleting(() => {
      this.db.prepare('DELETE FROM request_logs WHERE project_id = ?').run(projectId);
    });
  }

  /** Drops logs and counters of a deleted project or mock. */
  forgetProject(projectId: string): void {
    this.deleting(() => {
      this.db.prepare('DELETE FROM request_logs WHERE project_id = ?').run(projectId);
      this.db.prepare('DELETE FROM mock_counters WHERE project_id = ?').run(projectId);
      this.db.prepare('DELETE FROM project_counters WHERE project_id = ?').run(projectId);
      this.db.prepare('DELETE FROM response_counters WHERE project_id = ?').run(projectId);
      this.db.prepare('DELETE FROM status_counters WHERE project_id = ?').run(projectId);
    });
  }

  forgetMock(mockId: string): void {
    this.deleting(() => {
      this.db.prepare('DELETE FROM request_logs WHERE mock_id = ?').run(mockId);
      this.db.prepare('DELETE FROM mock_counters WHERE mock_id = ?').run(mockId);
      this.db.prepare('DELETE FROM response_counters WHERE mock_id = ?').run(mockId);
    });
  }

  mockCounters(
    projectId: string,
  ): Map<string, { totalRequests: number; lastRequestAt: string; avgResponseTimeMs: number }> {
    const rows = this.db.prepare('SELECT * FROM mock_counters WHERE project_id = ?').all(projectId) as {
      mock_id: string;
      total_requests: number;
      total_time_ms: number;
      last_request_at: string;
    }[];
    return new Map(
      rows.map((r) => [
        r.mock_id,
        {
          totalRequests: r.total_requests,
          lastRequestAt: r.last_request_at,
          avgResponseTimeMs: Math.round((r.total_time_ms / r.total_requests) * 100) / 100,
        },
      ]),
    );
  }

  projectStats(
    projectId: string,
    mocks: readonly { id: string; name: string; path: string; method: string }[],
    responses: readonly { id: string; mockId: string; name: string; statusCode: number }[] = [],
  ): ProjectStats {
    const p = this.db.prepare('SELECT * FROM project_counters WHERE project_id = ?').get(projectId) as
      { total_requests: number; unmatched_requests: number; last_request_at: string } | undefined;
    const counters = this.mockCounters(projectId);
    const perResponse = new Map(
      (
        this.db
          .prepare('SELECT response_id, total_requests FROM response_counters WHERE project_id = ?')
          .all(projectId) as { response_id: string; total_requests: number }[]
      ).map((r) => [r.response_id, r.total_requests]),
    );
    const responsesOf = new Map<string, ResponseStats[]>();
    for (const r of responses) {
      const list = responsesOf.get(r.mockId) ?? [];
      list.push({
        responseId: r.id,
        name: r.name,
        statusCode: r.statusCode,
        totalRequests: perResponse.get(r.id) ?? 0,
      });
      responsesOf.set(r.mockId, list);
    }
    const perMock: MockStats[] = mocks.map((m) => {
      const c = counters.get(m.id);
      return {
        mockId: m.id,
        name: m.name,
        path: m.path,
        method: m.method,
        totalRequests: c?.totalRequests ?? 0,
        lastRequestAt: c?.lastRequestAt ?? null,
        avgResponseTimeMs: c?.avgResponseTimeMs ?? null,
        responses: responsesOf.get(m.id) ?? [],
      };
    });
    const statuses = (
      this.db
        .prepare('SELECT status, total_requests FROM status_counters WHERE project_id = ? ORDER BY status')
        .all(projectId) as { status: number; total_requests: number }[]
    ).map((s) => ({ status: s.status, totalRequests: s.total_requests }));
    const total = p?.total_requests ?? 0;
    const unmatched = p?.unmatched_requests ?? 0;
    const inMocks = perMock.reduce((n, m) => n + m.totalRequests, 0);
    return {
      projectId,
      totalRequests: total,
      lastRequestAt: p?.last_request_at ?? null,
      mocks: perMock,
      unmatchedRequests: unmatched,
      // Counted while their mock existed: the rows above then still add up to the total.
      deletedMockRequests: Math.max(0, total - unmatched - inMocks),
      statuses,
    };
  }
}
