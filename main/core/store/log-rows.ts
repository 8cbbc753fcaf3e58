import type { RequestLog } from '../../../shared/models';

/** One value of a request_logs column, as SQLite binds it. */
export type LogCell = string | number | null;

/**
 * Request-log rows flattened to their column values, LOG_COLUMNS.length cells a row, with the
 * JSON columns already serialised. This is what a batch of logs is between the request and
 * the database: a flat array of strings and numbers is cheap to keep queued (the garbage
 * collector has no nested objects to trace) and cheap to post to the writer thread
 * (structured clone copies strings; it walks every property of a nested object), which
 * made the per-request cost of logging a fraction of what RequestLog objects cost.
 */
export interface LogRows {
  count: number;
  cells: LogCell[];
}

/** request_logs columns in the order cells carry them. */
export const LOG_COLUMNS = [
  'id',
  'project_id',
  'mock_id',
  'response_id',
  'request_path',
  'request_method',
  'request_headers',
  'request_query',
  'request_body',
  'response_status',
  'response_headers',
  'response_body',
  'response_body_truncated',
  'response_time_ms',
  'ip_address',
  'user_agent',
  'error_code',
  'condition_failures',
  'created_at',
  'request_body_encoding',
  'response_body_encoding',
  'upstream_url',
  'upstream_status',
  'upstream_time_ms',
  'chaos',
  'also_matched',
  'federation_id',
  'federation_name',
  'federation_service',
  'reality_level',
] as const;

export const LOG_WIDTH = LOG_COLUMNS.length;
/** Cell offsets the writer reads for the hit counters. */
export const CELL = {
  projectId: LOG_COLUMNS.indexOf('project_id'),
  mockId: LOG_COLUMNS.indexOf('mock_id'),
  responseTimeMs: LOG_COLUMNS.indexOf('response_time_ms'),
  createdAt: LOG_COLUMNS.indexOf('created_at'),
  responseId: LOG_COLUMNS.indexOf('response_id'),
  responseStatus: LOG_COLUMNS.indexOf('response_status'),
} as const;

export const emptyLogRows = (): LogRows => ({ count: 0, cells: [] });

// A response's headers are one frozen object shared by every request it answers: serialise once.
const headerJson = new WeakMap<object, string>();
const frozenJson = (o: Readonly<Record<string, string | string[]>>): string => {
  if (!Object.isFrozen(o)) return JSON.stringify(o);
  let s = headerJson.get(o);
  if (s === undefined) headerJson.set(o, (s = JSON.stringify(o)));
  return s;
};

/** Appends one log as a row of cells (in LOG_COLUMNS order). */
export function appendLogRow(rows: LogRows, l: RequestLog): void {
  rows.cells.push(
    l.id,
    l.projectId,
    l.mockId,
    l.responseId,
    l.requestPath,
    l.requestMethod,
    JSON.stringify(l.requestHeaders),
    JSON.stringify(l.requestQuery),
    l.requestBody,
    l.responseStatus,
    frozenJson(l.responseHeaders),
    l.responseBody,
    l.responseBodyTruncated ? 1 : 0,
    l.responseTimeMs,
    l.ipAddress,
    l.userAgent,
    l.errorCode,
    l.conditionFailures.length === 0 ? '[]' : JSON.stringify(l.conditionFailures),
    l.createdAt,
    l.requestBodyEncoding ?? 'utf8',
    l.responseBodyEncoding ?? 'utf8',
    l.proxied?.upstream ?? null,
    l.proxied?.upstreamStatus ?? null,
    l.proxied?.upstreamMs ?? null,
    l.chaos ? JSON.stringify(l.chaos) : null,
    l.alsoMatched && l.alsoMatched.length > 0 ? JSON.stringify(l.alsoMatched) : null,
    l.federation?.id ?? null,
    l.federation?.name ?? null,
    l.federation?.service ?? null,
    l.federation?.realityLevel ?? null,
  );
  rows.count++;
}

export function toLogRows(logs: readonly RequestLog[]): LogRows {
  const rows = emptyLogRows();
  for (const l of logs) appendLogRow(rows, l);
  return rows;
}

/**
 * Hit counters of a set of rows, summed per mock and per project: one upsert each per batch.
 * Kept apart from the rows because rows may be dropped before they are written (see
 * server/keep-newest.ts) while every request still counts.
 */
export interface LogCounters {
  mocks: Map<string, { projectId: string; n: number; timeMs: number; last: string }>;
  /** `unmatched`: requests no mock matched (404s, proxied, faulted before a mock). */
  projects: Map<string, { n: number; unmatched: number; last: string }>;
  /** Per response that answered. */
  responses: Map<string, { projectId: string; mockId: string; n: number }>;
  /** Per project and status, keyed `${projectId} ${status}`. */
  statuses: Map<string, { projectId: string; status: number; n: number }>;
}

export const emptyLogCounters = (): LogCounters => ({
  mocks: new Map(),
  projects: new Map(),
  responses: new Map(),
  statuses: new Map(),
});

export function countRequest(
  c: LogCounters,
  projectId: string,
  mockId: string | null,
  timeMs: number,
  createdAt: string,
  responseId: string | null = null,
  status = 0,
): void {
  const p = c.projects.get(projectId);
  if (p) {
    p.n++;
    if (!mockId) p.unmatched++;
    if (createdAt > p.last) p.last = createdAt;
  } else c.projects.set(projectId, { n: 1, unmatched: mockId ? 0 : 1, last: createdAt });
  const statusKey = `${projectId} ${status}`;
  const s = c.statuses.get(statusKey);
  if (s) s.n++;
  else c.statuses.set(statusKey, { projectId, status, n: 1 });
  if (!mockId) return;
  if (responseId) {
    const r = c.responses.get(responseId);
    if (r) r.n++;
    else c.responses.set(responseId, { projectId, mockId, n: 1 });
  }
  const m = c.mocks.get(mockId);
  if (m) {
    m.n++;
    m.timeMs += timeMs;
    if (createdAt > m.last) m.last = createdAt;
  } else c.mocks.set(mockId, { projectId, n: 1, timeMs, last: createdAt });
}

export function countLogRows(rows: LogRows): LogCounters {
  const c = emptyLogCounters();
  const { cells } = rows;
  for (let at = 0; at < cells.length; at += LOG_WIDTH)
    countRequest(
      c,
      cells[at + CELL.projectId] as string,
      cells[at + CELL.mockId] as string | null,
      cells[at + CELL.responseTimeMs] as number,
      cells[at + CELL.createdAt] as string,
      cells[at + CELL.responseId] as string | null,
      cells[at + CELL.responseStatus] as number,
    );
  return c;
}
