import { firstHeader, HTTP_METHODS, mockPathProblem, type MockWritten, type RequestLog } from '../../../shared/models';
import { AppError } from '../util/errors';
import type { MockService } from './mocks';
import type { ResponseService } from './responses';

/**
 * "Create a mock from this request" (docs/request-logs.md): a mock for the logged method and
 * path, answering what the request got — the mock's or the upstream's status, content type
 * and body — or, for a request nothing answered (a 404 of MockDeck's own), 200 with `{}` to
 * edit. Shadowing a mock still active on that route is warned about, as on any create.
 */
export function createMockFromLog(
  mocks: MockService,
  responses: ResponseService,
  log: RequestLog,
  name?: string,
): MockWritten {
  const method = log.requestMethod.toUpperCase();
  if (!(HTTP_METHODS as readonly string[]).includes(method)) {
    throw new AppError('VALIDATION_ERROR', `a mock cannot have the method ${method}`, {
      field: 'method',
      hint: `mocks answer ${HTTP_METHODS.join(', ')}: create one by hand and pick the nearest`,
    });
  }
  const problem = mockPathProblem(log.requestPath);
  if (problem) {
    throw new AppError('VALIDATION_ERROR', `the logged path cannot be a mock's path: ${problem}`, {
      field: 'path',
      hint: 'create the mock by hand with a path that names its parameters, e.g. /users/{id}',
    });
  }
  const answered = log.mockId !== null || !!log.proxied?.upstreamStatus;
  const ownError = log.errorCode !== null && !log.proxied;
  const useLogged = answered && !ownError && log.responseBodyEncoding !== 'base64' && !log.responseBodyTruncated;
  const type = firstHeader(log.responseHeaders, 'content-type') ?? '';
  const mock = mocks.create(log.projectId, {
    name: (name ?? `${method} ${log.requestPath}`).slice(0, 200),
    method,
    path: log.requestPath,
    responseType: useLogged ? responseTypeOf(type) : 'json',
    description: `Created from the request logged at ${log.createdAt}.`,
  });
  responses.create(mock.id, {
    name: useLogged ? `As logged (${log.responseStatus})` : 'OK',
    statusCode: useLogged ? log.responseStatus : 200,
    body: useLogged ? log.responseBody : '{}',
    isDefault: true,
  });
  return mock;
}

function responseTypeOf(contentType: string): 'json' | 'xml' | 'text' | 'html' {
  if (/json/i.test(contentType)) return 'json';
  if (/xml/i.test(contentType)) return 'xml';
  if (/html/i.test(contentType)) return 'html';
  return contentType ? 'text' : 'json';
}
