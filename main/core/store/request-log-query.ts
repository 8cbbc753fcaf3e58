import type { RequestLogFilter, RequestLogSummary } from '../../../shared/models';
import type { BodyEncoding, ChaosApplied, ConditionFailure, Pagination, RequestLog } from '../../../shared/models';
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
}

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
  condition_failures, created_at, upstream_url, upstream_status, upstream_time_ms, chaos,
  federation_id, federation_name, federation_service, reality_level`;

const STATUS_RANGES: Record<NonNullable<RequestLogFilter['statusClass']>, [number, number]> = {
  '1xx': [100, 200],
  '2xx': [200, 300],
  '3xx': [300, 400],
  '4xx': [400, 500],
  '5xx': [500, 600],
};

type Params = Record<string, string | number>;

function whereClause(f: LogQueryFilter): { where: string; params: Params } {
  const clauses: string[] = [];
  const params: Params = {};
  if (f.projectId) {
    clauses.push('project_id = @projectId');
    params.projectId = f.projectId;
  }
  if (f.mockId) {
    clauses.push('mock_id = @mockId');
    params.mockId = f.mockId;
  }
  if (f.method) {
    clauses.push('request_method = @method');
    params.method = f.method.trim().toUpperCase();
  }
  if (f.statusClass) {
    const [lo, hi] = STATUS_RANGES[f.statusClass];
    clauses.push('response_status >= @statusLo AND response_status < @statusHi');
    params.statusLo = lo;
    params.statusHi = hi;
  }
  if (f.pathText) {
    // instr() instead of LIKE: the user's text may hold % or _, which must match literally.
    clauses.push('instr(lower(request_path), @pathText) > 0');
    params.pathText = f.pathText.toLowerCase();
  }
  // created_at is always a UTC ISO string, so text comparison orders correctly.
  if (f.startDate) {
    clauses.push('created_at >= @startDate');
    params.startDate = new Date(f.startDate).toISOString();
  }
  if (f.endDate) {
    clauses.push('created_at <= @endDate');
    params.endDate = new Date(f.endDate).toISOString();
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/**
 * Newest first: the matching total and one window of rows. The inner query pages over the
 * (project_id, seq) index alone (a deferred join), so a deep offset skips index entries
 * instead of reading and discarding whole rows.
 */
function queryLogs<R>(
  db: SqliteDb,
  filter: LogQueryFilter,
  window: { limit: number; offset: number },
  columns: string,
): { rows: R[]; total: number } {
  const { where, params } = whereClause(filter);
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM request_logs ${where}`).get(params) as { n: number }).n;
  // Past the last row there is nothing to read; SQLite is never asked for such an offset.
  if (!(window.offset < total)) return { rows: [], total };
  const rows = db
    .prepare(
      `SELECT ${columns} FROM request_logs WHERE seq IN (
         SELECT seq FROM request_logs ${where} ORDER BY seq DESC LIMIT @limit OFFSET @offset
       ) ORDER BY seq DESC`,
    )
    .all({ ...params, ...window }) as R[];
  return { rows, total };
}

/** Summaries (no headers, no bodies) by offset: what the log viewer lists. */
export function querySummaryRows(
  db: SqliteDb,
  filter: LogQueryFilter,
  limit: number,
  offset: number,
): { rows: LogSummaryRow[]; total: number } {
  return queryLogs<LogSummaryRow>(db, filter, { limit, offset }, SUMMARY_COLUMNS);
}

/** Full rows by page number, as mockbird-api.md §6 pages them. */
export function pageRequestLogs(
  db: SqliteDb,
  filter: LogQueryFilter,
  page: number,
  limit: number,
): { data: RequestLog[]; pagination: Pagination } {
  const { rows, total } = queryLogs<LogRow>(db, filter, { limit, offset: (page - 1) * limit }, '*');
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
