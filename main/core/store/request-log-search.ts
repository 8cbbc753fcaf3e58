import type { RequestLog, RequestLogFilter, RequestLogSummary } from '../../../shared/models';
import { toLogSummaryFields, type LogSummaryRow } from './request-logs-repo';
import type { Store } from './store';

/**
 * The log viewer's query: newest first, filtered, paged by offset, without bodies or
 * headers. Lives beside RequestLogsRepo rather than in it so the repo stays the write path.
 */

const SUMMARY_COLUMNS = `seq, id, project_id, mock_id, response_id, request_path, request_method, request_query,
  response_status, response_body_truncated, response_time_ms, ip_address, user_agent, error_code,
  condition_failures, created_at`;

const STATUS_RANGES: Record<NonNullable<RequestLogFilter['statusClass']>, [number, number]> = {
  '1xx': [100, 200],
  '2xx': [200, 300],
  '3xx': [300, 400],
  '4xx': [400, 500],
  '5xx': [500, 600],
};

type Params = Record<string, string | number>;

function whereClause(f: RequestLogFilter): { where: string; params: Params } {
  const clauses = ['project_id = @projectId'];
  const params: Params = { projectId: f.projectId };
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
  return { where: clauses.join(' AND '), params };
}

export function searchRequestLogs(
  store: Store,
  filter: RequestLogFilter,
  limit: number,
  offset: number,
): { rows: RequestLogSummary[]; total: number } {
  const { where, params } = whereClause(filter);
  const db = store.logsDb;
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM request_logs WHERE ${where}`).get(params) as { n: number }).n;
  if (total === 0 || offset >= total) return { rows: [], total };
  // Deferred join: the inner query pages over the (project_id, seq) index alone, so a deep
  // offset skips index entries instead of reading (and discarding) whole rows.
  const rows = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM request_logs WHERE seq IN (
         SELECT seq FROM request_logs WHERE ${where} ORDER BY seq DESC LIMIT @limit OFFSET @offset
       ) ORDER BY seq DESC`,
    )
    .all({ ...params, limit, offset }) as LogSummaryRow[];
  const names = lookupNames(
    store,
    rows.map((r) => r.mock_id),
    rows.map((r) => r.response_id),
  );
  return { rows: rows.map((r) => rowToSummary(r, names)), total };
}

export interface NameLookup {
  mocks: Map<string, string>;
  responses: Map<string, string>;
}

/** Names of the given mocks and responses, in one query each (they live in the catalog db). */
export function lookupNames(
  store: Store,
  mockIds: Iterable<string | null>,
  responseIds: Iterable<string | null>,
): NameLookup {
  return {
    mocks: namesIn(store, 'mocks', mockIds),
    responses: namesIn(store, 'responses', responseIds),
  };
}

function namesIn(store: Store, table: 'mocks' | 'responses', ids: Iterable<string | null>): Map<string, string> {
  const unique = [...new Set([...ids].filter((id): id is string => !!id))];
  if (unique.length === 0) return new Map();
  const rows = store.db
    .prepare(`SELECT id, name FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(unique)) as { id: string; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

function rowToSummary(r: LogSummaryRow, names: NameLookup): RequestLogSummary {
  return {
    ...toLogSummaryFields(r),
    mockName: (r.mock_id && names.mocks.get(r.mock_id)) ?? null,
    responseName: (r.response_id && names.responses.get(r.response_id)) ?? null,
  };
}

/** The list form of a full log, for pushing live rows without their bodies. */
export function summarizeLog(log: RequestLog, names: NameLookup): RequestLogSummary {
  const { requestHeaders: _rh, requestBody: _rb, responseHeaders: _sh, responseBody: _sb, ...rest } = log;
  return {
    ...rest,
    mockName: (log.mockId && names.mocks.get(log.mockId)) ?? null,
    responseName: (log.responseId && names.responses.get(log.responseId)) ?? null,
  };
}
