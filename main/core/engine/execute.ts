import type { ConditionFailure } from '../../../shared/models';
import type { CompiledProject } from './compile';
import { ERROR_HEADERS } from './cors';
import { selectResponse } from './select';
import type { EngineErrorCode, EngineRequest, EngineResult, RequestView } from './types';

const NO_FAILURES: ConditionFailure[] = [];

/** Answers one request from a compiled project: route, conditions, selection. Never throws for user data. */
export function executeRequest(
  compiled: CompiledProject,
  req: EngineRequest,
  deps: { random: () => number },
): EngineResult {
  const method = req.method.toUpperCase();
  const match = compiled.routes.match(method, req.path);
  if (!match) {
    return engineError(
      'MOCK_NOT_FOUND',
      `no active mock matches ${method} ${req.path} in project "${compiled.project.name}": check the method and path, or create or activate the mock`,
    );
  }
  const cm = match.mock;
  const m = cm.mock;
  if (cm.responses.length === 0) {
    return {
      ...engineError(
        'NO_RESPONSE_DEFINED',
        `mock "${m.name}" (${m.method} ${m.path}) has no responses: add a response to it`,
      ),
      mockId: m.id,
    };
  }
  const view: RequestView = { req, params: match.params, body: undefined };
  const failures = cm.hasConditions ? [] : NO_FAILURES;
  const picked = selectResponse(cm, view, deps.random, failures)!;
  return {
    status: picked.source.statusCode,
    headers: picked.headers,
    body: picked.source.body,
    delayMs: m.responseDelay,
    mockId: m.id,
    responseId: picked.source.id,
    errorCode: null,
    conditionFailures: failures,
  };
}

export type ExecutionErrorCode = EngineErrorCode | 'PROJECT_NOT_FOUND' | 'INTERNAL_ERROR';

const STATUS: Record<ExecutionErrorCode, number> = {
  PROJECT_NOT_FOUND: 404,
  MOCK_NOT_FOUND: 404,
  NO_RESPONSE_DEFINED: 404,
  INTERNAL_ERROR: 500,
};

/** The JSON error body of §8: `{ "error": CODE, "message": "…" }`. */
export const errorBody = (code: ExecutionErrorCode, message: string): string =>
  JSON.stringify({ error: code, message });

export function engineError(code: EngineErrorCode, message: string): EngineResult {
  return {
    status: STATUS[code],
    headers: ERROR_HEADERS,
    body: errorBody(code, message),
    delayMs: 0,
    mockId: null,
    responseId: null,
    errorCode: code,
    conditionFailures: NO_FAILURES,
  };
}

/** Status, headers and body for the two errors the transport detects (unknown slug, crash). */
export function transportError(code: 'PROJECT_NOT_FOUND' | 'INTERNAL_ERROR', message: string) {
  return { status: STATUS[code], headers: ERROR_HEADERS, body: errorBody(code, message), errorCode: code } as const;
}
