import type { RequestLog, RequestLogFilter, RequestLogSummary } from '../../../shared/models';
import { querySummaryRows, toLogSummaryFields, type LogSummaryRow, type LogWindow } from './request-log-query';
import type { Store } from './store';

/**
 * The log viewer's shape of the request-log query (request-log-query.ts): newest first,
 * filtered, paged by offset, without bodies or headers, with mock and response names.
 */
export function searchRequestLogs(
  store: Store,
  filter: RequestLogFilter,
  window: LogWindow,
): { rows: RequestLogSummary[]; total: number; totalCapped: boolean } {
  const { rows, total, totalCapped } = querySummaryRows(store.logsDb, filter, window);
  const names = lookupNames(
    store,
    rows.map((r) => r.mock_id),
    rows.map((r) => r.response_id),
  );
  return { rows: rows.map((r) => rowToSummary(r, names)), total, totalCapped };
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
