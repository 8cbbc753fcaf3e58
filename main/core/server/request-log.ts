import type { ConditionFailure, RequestLog } from '../../../shared/models';
import { newTimeOrderedId } from '../util/ids';

/** Response bodies (and request bodies) longer than this are cut in the log, not on the wire. */
export const MAX_LOGGED_BODY = 64 * 1024;

/**
 * What one request leaves to be logged: references to what the request and its answer
 * already hold, nothing copied or serialised. The log queue keeps these, and turns into
 * rows (toRequestLog, then store/log-rows.ts) only those that get written: under sustained
 * load retention drops most of them first, so they never cost that work.
 */
export interface LoggedExchange {
  /** The row's id, given by logIdOf() once the row is first needed (pushed live or written). */
  id?: string;
  projectId: string;
  mockId: string | null;
  responseId: string | null;
  path: string;
  method: string;
  headers: Record<string, string | string[] | undefined>;
  query: Record<string, string | string[]>;
  /** Already cut to what the log keeps (loggedBody), as the request is captured. */
  requestBody: string;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: string;
  responseTimeMs: number;
  ip: string;
  errorCode: string | null;
  conditionFailures: ConditionFailure[];
  /** When the request arrived: epoch milliseconds, and the same as ISO 8601. */
  createdMs: number;
  createdAt: string;
}

/**
 * The exchange's row id, made on first call: a UUIDv7 of the request's own millisecond.
 * Made in queue order (see LogBatcher), so ids keep the order requests arrived in.
 */
export function logIdOf(x: LoggedExchange): string {
  return (x.id ??= newTimeOrderedId(x.createdMs));
}

/**
 * Builds the log row without copying what need not be copied: header and query objects
 * are referenced as they are (they are serialised once, in the batch write). The same
 * exchange always gives the same row.
 */
export function toRequestLog(x: LoggedExchange): RequestLog {
  const response = truncate(x.responseBody);
  const ua = x.headers['user-agent'];
  return {
    id: logIdOf(x),
    projectId: x.projectId,
    mockId: x.mockId,
    responseId: x.responseId,
    requestPath: x.path,
    requestMethod: x.method,
    requestHeaders: flatHeaders(x.headers),
    requestQuery: x.query,
    requestBody: x.requestBody,
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

/**
 * A request body as the log keeps it, cut at MAX_LOGGED_BODY: done as the request is
 * captured, so a queue of captured requests never holds a client's whole upload.
 */
export const loggedBody = (body: string): string => truncate(body).text;

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
