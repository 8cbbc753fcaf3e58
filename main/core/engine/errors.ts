import { ERROR_HEADERS } from './cors';
import type { EngineErrorCode, Exchange } from './types';

export type ExecutionErrorCode = EngineErrorCode | 'PROJECT_NOT_FOUND' | 'INTERNAL_ERROR';

const STATUS: Record<ExecutionErrorCode, number> = {
  PROJECT_NOT_FOUND: 404,
  MOCK_NOT_FOUND: 404,
  NO_RESPONSE_DEFINED: 404,
  UPSTREAM_UNAVAILABLE: 502,
  UPSTREAM_TIMEOUT: 504,
  PROXY_LOOP: 508,
  BUCKET_NOT_FOUND: 404,
  TEMPLATE_ERROR: 500,
  PLUGIN_ERROR: 500,
  INTERNAL_ERROR: 500,
};

/** The JSON error body of §8: `{ "error": CODE, "message": "…" }`. */
export const errorBody = (code: ExecutionErrorCode, message: string): string =>
  JSON.stringify({ error: code, message });

/** Makes the exchange answer one of the engine's errors; `body` is errorBody(code, …), often built at compile time. */
export function answerError(x: Exchange, code: EngineErrorCode, body: string): void {
  x.status = STATUS[code];
  x.headers = ERROR_HEADERS;
  x.body = body;
  x.errorCode = code;
}

/** Status, headers and body for the two errors the transport detects (unknown slug, crash). */
export function transportError(code: 'PROJECT_NOT_FOUND' | 'INTERNAL_ERROR', message: string) {
  return { status: STATUS[code], headers: ERROR_HEADERS, body: errorBody(code, message), errorCode: code } as const;
}
