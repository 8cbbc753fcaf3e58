import { isUtf8 } from 'node:buffer';
import type {
  AlsoMatched,
  BodyEncoding,
  ChaosApplied,
  ConditionFailure,
  FederationLog,
  HeaderMap,
  ProxiedLog,
  RequestLog,
} from '../../../shared/models';
import type { Body } from '../engine';
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
  /** Absent: 'utf8'. */
  requestBodyEncoding?: BodyEncoding;
  status: number;
  /** As sent: a list is a header sent as repeated lines. */
  responseHeaders: Readonly<HeaderMap>;
  /** The body as sent; cut (and base64-encoded if it is not text) only if its row is written. */
  responseBody: Body;
  responseTimeMs: number;
  ip: string;
  errorCode: string | null;
  conditionFailures: ConditionFailure[];
  /** Responses that matched and lost; absent or empty: none. */
  alsoMatched?: AlsoMatched[];
  /** What chaos did to it; null or absent: nothing. */
  chaos?: ChaosApplied | null;
  /** When the request arrived: epoch milliseconds, and the same as ISO 8601. */
  createdMs: number;
  createdAt: string;
  /** Set when the proxy sent the request upstream; null otherwise. */
  proxied: ProxiedLog | null;
  /** Set when it came through a federation (server/federation-serving.ts); absent otherwise. */
  federation?: FederationLog;
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
  const response = typeof x.responseBody === 'string' ? truncate(x.responseBody) : loggedBody(x.responseBody);
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
    requestBodyEncoding: x.requestBodyEncoding ?? 'utf8',
    responseStatus: x.status,
    responseHeaders: x.responseHeaders,
    responseBody: response.text,
    responseBodyEncoding: response.encoding,
    responseBodyTruncated: response.truncated,
    responseTimeMs: Math.round(x.responseTimeMs * 100) / 100,
    ipAddress: x.ip,
    userAgent: typeof ua === 'string' ? ua : '',
    errorCode: x.errorCode,
    conditionFailures: x.conditionFailures,
    ...(x.alsoMatched && x.alsoMatched.length > 0 ? { alsoMatched: x.alsoMatched } : {}),
    createdAt: x.createdAt,
    chaos: x.chaos ?? null,
    proxied: x.proxied,
    federation: x.federation ?? null,
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

/** A body as the log keeps it: text, or base64 when its bytes are not UTF-8 text; cut at MAX_LOGGED_BODY bytes. */
export interface LoggedBody {
  readonly text: string;
  readonly encoding: BodyEncoding;
  readonly truncated: boolean;
}

const NO_BODY: LoggedBody = Object.freeze({ text: '', encoding: 'utf8', truncated: false });

/**
 * A body's bytes as the log keeps them: done for a request body as the request is captured,
 * so a queue of captured requests never holds a client's whole upload. The first
 * MAX_LOGGED_BODY bytes are kept; as text when they are UTF-8 (the cut moved back to a
 * character boundary), else as base64 of those bytes, so a binary upload is never garbled.
 */
export function loggedBody(bytes: Buffer): LoggedBody {
  if (bytes.length === 0) return NO_BODY;
  const truncated = bytes.length > MAX_LOGGED_BODY;
  const text = truncated ? bytes.subarray(0, utf8Cut(bytes, MAX_LOGGED_BODY)) : bytes;
  if (isUtf8(text)) return { text: text.toString('utf8'), encoding: 'utf8', truncated };
  return { text: bytes.subarray(0, MAX_LOGGED_BODY).toString('base64'), encoding: 'base64', truncated };
}

/** Where to cut `bytes` at most `max` long without splitting a UTF-8 sequence (continuation bytes are 10xxxxxx). */
function utf8Cut(bytes: Buffer, max: number): number {
  let end = max;
  while (end > max - 3 && (bytes[end]! & 0xc0) === 0x80) end--;
  return end;
}

// The same large body is usually served again and again: keep its cut version.
let lastLong = '';
let lastCut: LoggedBody = { text: '', encoding: 'utf8', truncated: true };

function truncate(body: string): LoggedBody {
  // A UTF-16 string of n units is at most 3n bytes in UTF-8: short ones need no measuring.
  if (body.length * 3 <= MAX_LOGGED_BODY) return { text: body, encoding: 'utf8', truncated: false };
  if (body === lastLong) return lastCut;
  const bytes = Buffer.from(body, 'utf8');
  if (bytes.length <= MAX_LOGGED_BODY) return { text: body, encoding: 'utf8', truncated: false };
  lastLong = body;
  lastCut = {
    text: bytes.subarray(0, utf8Cut(bytes, MAX_LOGGED_BODY)).toString('utf8'),
    encoding: 'utf8',
    truncated: true,
  };
  return lastCut;
}
