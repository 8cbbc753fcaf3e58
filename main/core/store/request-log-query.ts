import type { RequestLogFilter, RequestLogSummary } from '../../../shared/models';
import type {
  AlsoMatched,
  BodyEncoding,
  ChaosApplied,
  ConditionFailure,
  Pagination,
  RequestLog,
} from '../../../shared/models';
import type { SqliteDb } from './connection';

/**
 * The one read query over request_logs. Both shapes callers want come out of it: the log
 * viewer's summaries paged by offset (searchRequestLogs in request-log-search.ts) and the
 * REST API's full rows paged by page number (pageRequestLogs). Only the WHERE clause, the
 * columns and the mapper differ.
 */

/** Every filter a caller may combine; all are optional, all are ANDed. */
export interface LogQueryFilter {
  projectId?: string | undefined;
  mockId?: string | undefined;
  method?: string | undefined;
  statusClass?: RequestLogFilter['statusClass'];
  /** Case-insensitive substring of the path, matched literally (no wildcards). */
  pathText?: string | undefined;
  /** ISO 8601 bounds on created_at, both inclusive. */
  startDate?: string | undefined;
  endDate?: string | undefined;
  /** Only requests no mock matched (mock_id NULL). */
  unmatched?: boolean | undefined;
}

/** Totals past this many rows are not counted: the answer is "at least this many". */
export const LOG_COUNT_CAP = 10_000;
/**
 * A path search counts less far: each match is an index probe into request_logs, and a
 * common substring ("/api") matches most rows (docs/performance.md, the logs bench).
 */
export const LOG_SEARCH_COUNT_CAP = 1_000;
/** The trigram index needs three characters; shorter path text is matched by a bounded scan. */
const MIN_TRIGRAM = 3;

/** The columns every log query reads; the list view stops here (no headers, no bodies). */
export interface LogSummaryRow {
  seq: number;
  id: string;
  project_id: string;
  mock_id: string | null;
  response_id: string | null;
  request_path: string;
  request_method: string;
  request_query: string;
  response_status: number;
  response_body_truncated: number;
  response_time_ms: number;
  ip_address: string;
  user_agent: string;
  error_code: string | null;
  condition_failures: string;
  created_at: string;
  upstream_url: string | null;
  upstream_status: number | null;
  upstream_time_ms: number | null;
  chaos: string | null;
  also_matched: string | null;
  federation_id: string | null;
  federation_name: string | null;
  federation_service: string | null;
  reality_level: string | null;
}

interface LogRow extends LogSummaryRow {
  request_headers: string;
  request_body: string;
  request_body_encoding: BodyEncoding;
  response_headers: string;
  response_body: string;
  response_body_encoding: BodyEncoding;
}

export type RequestLogSummaryFields = Omit<
  RequestLog,
  'requestHeaders' | 'requestBody' | 'requestBodyEncoding' | 'responseHeaders' | 'responseBody' | 'responseBodyEncoding'
>;

const SUMMARY_COLUMNS = `seq, id, project_id, mock_id, response_id, request_path, request_method, request_query,
  response_status, response_body_truncated, response_time_ms, ip_address, user_agent, error_code,
  condition_failures, created_at, upstream_url, upstream_status, upstream_time_ms, chaos, also_matched,
  federation_id, federation_name, federation_service, reality_level`;

type Params = Record<string, string | number>;

interface Where {
  where: string;
  params: Params;
  /** The path text goes through the trigram index: the query starts from it. */
  fts: string | null;
}

/** An FTS5 phrase for `text`: matched literally, case-insensitively, anywhere in the path. */
const ftsPhrase = (text: string): string => `"${text.replace(/"/g, '""')}"`;

function whereClause(db: SqliteDb, f: LogQueryFilter, alias = ''): Where {
  const c = (col: string) => `${alias}${col}`;
  const clauses: string[] = [];
  const params: Params = {};
  let fts: string | null = null;
  if (f.projectId) {
    clauses.push(`${c('project_id')} = @projectId`);
    params.projectId = f.projectId;
  }
  if (f.mockId) {
    clauses.push(`${c('mock_id')} = @mockId`);
    params.mockId = f.mockId;
  } else if (f.unmatched) {
    clauses.push(`${c('mock_id')} IS NULL`);
  }
  if (f.method) {
    clauses.push(`${c('request_method')} = @method`);
    params.method = f.method.trim().toUpperCase();
  }
  if (f.statusClass) {
    // status_class is an indexed generated column (response_status / 100): an equality, so the
    // (project_id, status_class, seq) index hands rows over newest first.
    clauses.push(`${c('status_class')} = @statusClass`);
    params.statusClass = Number(f.statusClass[0]);
  }
  if (f.pathText) {
    const text = f.pathText.toLowerCase();
    if (text.length >= MIN_TRIGRAM) fts = ftsPhrase(text);
    // instr() instead of LIKE: the user's text may hold % or _, which must match literally.
    // With the trigram index it only re-checks the rows the index found.
    clauses.push(`instr(lower(${c('request_path')}), @pathText) > 0`);
    params.pathText = text;
  }
  // created_at is always a UTC ISO string, so text comparison orders correctly. Rows are
  // written in arrival order, so the range is also a seq range, found through the
  // (project_id, created_at) index: the row scan then walks seq, newest first.
  if (f.startDate) {
    clauses.push(`${c('created_at')} >= @startDate`);
    params.startDate = new Date(f.startDate).toISOString();
    const lo = f.projectId ? seqAt(db, f.projectId, params.startDate, 'first') : null;
    if (lo !== null) {
      clauses.push(`${c('seq')} >= @seqLo`);
      params.seqLo = lo;
    }
  }
  if (f.endDate) {
    clauses.push(`${c('created_at')} <= @endDate`);
    params.endDate = new Date(f.endDate).toISOString();
    const hi = f.projectId ? seqAt(db, f.projectId, params.endDate, 'last') : null;
    if (hi !== null) {
      clauses.push(`${c('seq')} <= @seqHi`);
      params.seqHi = hi;
    }
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params, fts };
}

/**
 * The seq of a project's first row at or after `at` (or its last at or before), or null. The
 * bound only narrows the scan: created_at is still compared, so a clock that stepped back
 * cannot drop a row that matches.
 */
function seqAt(db: SqliteDb, projectId: string, at: string, edge: 'first' | 'last'): number | null {
  // One index probe: the row at the edge of the range in created_at order.
  const sql =
    edge === 'first'
      ? `SELECT seq FROM request_logs WHERE project_id = ? AND created_at >= ? ORDER BY created_at LIMIT 1`
      : `SELECT seq FROM request_logs WHERE project_id = ? AND created_at <= ? ORDER BY created_at DESC LIMIT 1`;
  const seq = db.prepare(sql).pluck().get(projectId, at) as number | undefined;
  // No row in range: a bound no row passes keeps the answer empty without a scan.
  return seq ?? (edge === 'first' ? Number.MAX_SAFE_INTEGER : -1);
}

/** `FROM` for a filter: the trigram index first (newest first) when the path text uses it. */
function source(w: Where): string {
  return w.fts === null
    ? 'request_logs'
    : // CROSS JOIN keeps the full-text index as the outer loop: it yields rowids newest first
      // and the scan stops after the page, instead of joining every match.
      `request_logs_path CROSS JOIN request_logs ON request_logs.seq = request_logs_path.rowid`;
}

/** The full-text index hands rowids (= seq) over in order only when asked to order by its own rowid. */
const order = (w: Where): string => (w.fts === null ? 'request_logs.seq' : 'request_logs_path.rowid');

function ftsClause(w: Where): string {
  if (w.fts === null) return w.where;
  const match = 'request_logs_path MATCH @fts';
  return w.where ? `${w.where} AND ${match}` : `WHERE ${match}`;
}

/** How many rows match, counted up to `cap` (Infinity: exactly). */
function countLogs(db: SqliteDb, w: Where, cap: number): { total: number; capped: boolean } {
  const params = w.fts === null ? w.params : { ...w.params, fts: w.fts };
  if (!Number.isFinite(cap)) {
    const n = db
      .prepare(`SELECT COUNT(*) FROM ${source(w)} ${ftsClause(w)}`)
      .pluck()
      .get(params) as number;
    return { total: n, capped: false };
  }
  const n = db
    .prepare(`SELECT COUNT(*) FROM (SELECT 1 FROM ${source(w)} ${ftsClause(w)} LIMIT @cap)`)
    .pluck()
    .get({ ...params, cap: cap + 1 }) as number;
  return n > cap ? { total: cap, capped: true } : { total: n, capped: false };
}

export interface LogWindow {
  limit: number;
  offset: number;
  /** A row id: only rows older than it (keyset paging: a deep page costs what the first does). */
  before?: string | undefined;
}

/**
 * Newest first: the matching total (up to `cap`) and one window of rows. The inner query
 * pages over an index alone (a deferred join), so an offset skips index entries instead of
 * reading and discarding whole rows; a cursor (`before`) skips nothing.
 */
function queryLogs<R>(
  db: SqliteDb,
  filter: LogQueryFilter,
  window: LogWindow,
  columns: string,
  cap = LOG_COUNT_CAP,
): { rows: R[]; total: number; totalCapped: boolean } {
  const w = whereClause(db, filter, 'request_logs.');
  if (window.before !== undefined) {
    const seq = db.prepare('SELECT seq FROM request_logs WHERE id = ?').pluck().get(window.before) as
      number | undefined;
    // A cursor row trimmed meanwhile: everything older than the oldest kept row is gone too.
    w.where = `${w.where ? `${w.where} AND` : 'WHERE'} request_logs.seq < @beforeSeq`;
    w.params.beforeSeq = seq ?? 0;
  }
  // Counted to the cap past the window asked for: a viewer scrolling deeper sees the total grow ("20,000+").
  const { total, capped } = countLogs(
    db,
    w,
    window.offset + (w.fts === null ? cap : Math.min(cap, LOG_SEARCH_COUNT_CAP)),
  );
  // Past the last row there is nothing to read; SQLite is never asked for such an offset.
  if (!capped && !(window.offset < total)) return { rows: [], total, totalCapped: capped };
  const params = { ...w.params, limit: window.limit, offset: window.offset, ...(w.fts === null ? {} : { fts: w.fts }) };
  const rows = db
    .prepare(
      `SELECT ${columns} FROM request_logs WHERE seq IN (
         SELECT request_logs.seq FROM ${source(w)} ${ftsClause(w)} ORDER BY ${order(w)} DESC LIMIT @limit OFFSET @offset
       ) ORDER BY seq DESC`,
    )
    .all(params) as R[];
  return { rows, total, totalCapped: capped };
}

/**
 * Full rows oldest first, after the row `after` (an id; none: from the oldest), at most
 * `limit`: what an export reads page by page, so a million rows never sit in memory at once.
 */
export function logsAfter(
  db: SqliteDb,
  filter: LogQueryFilter,
  after: string | undefined,
  limit: number,
): RequestLog[] {
  const w = whereClause(db, filter, 'request_logs.');
  if (after !== undefined) {
    const seq = db.prepare('SELECT seq FROM request_logs WHERE id = ?').pluck().get(after) as number | undefined;
    w.where = `${w.where ? `${w.where} AND` : 'WHERE'} request_logs.seq > @afterSeq`;
    w.params.afterSeq = seq ?? 0;
  }
  const params = { ...w.params, limit, ...(w.fts === null ? {} : { fts: w.fts }) };
  const rows = db
    .prepare(`SELECT request_logs.* FROM ${source(w)} ${ftsClause(w)} ORDER BY ${order(w)} ASC LIMIT @limit`)
    .all(params) as LogRow[];
  return rows.map(toLog);
}

/** Summaries (no headers, no bodies) by offset: what the log viewer lists. */
export function querySummaryRows(
  db: SqliteDb,
  filter: LogQueryFilter,
  window: LogWindow,
): { rows: LogSummaryRow[]; total: number; totalCapped: boolean } {
  return queryLogs<LogSummaryRow>(db, filter, window, SUMMARY_COLUMNS);
}

/** Full rows by page number, as mockbird-api.md §6 pages them. */
export function pageRequestLogs(
  db: SqliteDb,
  filter: LogQueryFilter,
  page: number,
  limit: number,
): { data: RequestLog[]; pagination: Pagination } {
  // mockbird-api.md §6 promises an exact total and page count.
  const { rows, total } = queryLogs<LogRow>(db, filter, { limit, offset: (page - 1) * limit }, '*', Infinity);
  return { data: rows.map(toLog), pagination: { page, limit, total, totalPages: Math.ceil(total / limit) } };
}

export const toLogSummaryFields = (r: LogSummaryRow): RequestLogSummaryFields => ({
  id: r.id,
  projectId: r.project_id,
  mockId: r.mock_id,
  responseId: r.response_id,
  requestPath: r.request_path,
  requestMethod: r.request_method,
  requestQuery: JSON.parse(r.request_query) as RequestLog['requestQuery'],
  responseStatus: r.response_status,
  responseBodyTruncated: r.response_body_truncated === 1,
  responseTimeMs: r.response_time_ms,
  ipAddress: r.ip_address,
  userAgent: r.user_agent,
  errorCode: r.error_code,
  conditionFailures: JSON.parse(r.condition_failures) as ConditionFailure[],
  createdAt: r.created_at,
  proxied:
    r.upstream_url === null
      ? null
      : { upstream: r.upstream_url, upstreamStatus: r.upstream_status, upstreamMs: r.upstream_time_ms ?? 0 },
  chaos: r.chaos === null ? null : (JSON.parse(r.chaos) as ChaosApplied),
  ...(r.also_matched ? { alsoMatched: JSON.parse(r.also_matched) as AlsoMatched[] } : {}),
  federation:
    r.federation_id === null
      ? null
      : {
          id: r.federation_id,
          name: r.federation_name ?? '',
          service: r.federation_service ?? '',
          realityLevel: r.reality_level ?? '',
        },
});

export const toLog = (r: LogRow): RequestLog => ({
  ...toLogSummaryFields(r),
  requestHeaders: JSON.parse(r.request_headers) as RequestLog['requestHeaders'],
  requestBody: r.request_body,
  requestBodyEncoding: r.request_body_encoding,
  responseHeaders: JSON.parse(r.response_headers) as RequestLog['responseHeaders'],
  responseBody: r.response_body,
  responseBodyEncoding: r.response_body_encoding,
});

export type { RequestLogSummary };
