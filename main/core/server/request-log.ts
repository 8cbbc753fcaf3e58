import type { ConditionFailure, RequestLog } from '../../../shared/models';
import { newTimeOrderedId } from '../util/ids';

/** Response bodies (and request bodies) longer than this are cut in the log, not on the wire. */
export const MAX_LOGGED_BODY = 64 * 1024;

export interface LoggedExchange {
  projectId: string;
  mockId: string | null;
  responseId: string | null;
  path: string;
  method: string;
  headers: Record<string, string | string[] | undefined>;
  query: Record<string, string | string[]>;
  requestBody: string;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: string;
  responseTimeMs: number;
  ip: string;
  errorCode: string | null;
  conditionFailures: ConditionFailure[];
  createdAt: string;
}

/**
 * Builds the log row without copying what need not be copied: header and query objects
 * are referenced as they are (they are serialised once, in the batch write).
 */
export function toRequestLog(x: LoggedExchange): RequestLog {
  const response = truncate(x.responseBody);
  const ua = x.headers['user-agent'];
  return {
    id: newTimeOrderedId(),
    projectId: x.projectId,
    mockId: x.mockId,
    responseId: x.responseId,
    requestPath: x.path,
    requestMethod: x.method,
    requestHeaders: flatHeaders(x.headers),
    requestQuery: x.query,
    requestBody: truncate(x.requestBody).text,
    responseStatus: x.status,
    responseHeaders: x.responseHeaders,
    responseBody: response.text,
    responseBodyTruncated: response.truncated,
    responseTimeMs: Math.round(x.responseTimeMs * 100) / 100,
    ipAddress: x.ip,
    userAgent: typeof ua === 'string' ? ua : '',
    errorCode: x.errorCode,
    conditionFailures: x.conditionFailures,
    createdAt: x.createdAt,
  };
}

/** Node gives set-cookie (only) as an array; the log stores one string per header. */
function flatHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  for (const k in h) {
    if (typeof h[k] !== 'string')
      return Object.fromEntries(
        Object.entries(h).flatMap(([n, v]) => (v === undefined ? [] : [[n, Array.isArray(v) ? v.join(', ') : v]])),
      );
  }
  return h as Record<string, string>;
}

// The same large body is usually served again and again: keep its cut version.
let lastLong = '';
let lastCut = { text: '', truncated: true };

function truncate(body: string): { text: string; truncated: boolean } {
  // A UTF-16 string of n units is at most 3n bytes in UTF-8: short ones need no measuring.
  if (body.length * 3 <= MAX_LOGGED_BODY) return { text: body, truncated: false };
  if (body === lastLong) return lastCut;
  const bytes = Buffer.from(body, 'utf8');
  if (bytes.length <= MAX_LOGGED_BODY) return { text: body, truncated: false };
  lastLong = body;
  lastCut = { text: bytes.subarray(0, MAX_LOGGED_BODY).toString('utf8'), truncated: true };
  return lastCut;
}
