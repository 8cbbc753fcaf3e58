import {
  HTTP_METHODS,
  mockPathProblem,
  type HeaderMap,
  type HttpMethod,
  type ImportSkip,
  type ResponseType,
} from '../../../../shared/models';

/**
 * What Postman, HAR and Markdown readers share: turning "a method, a URL or path, and some
 * example responses" into mock drafts, one mock per method and route. Documents repeat a
 * route (a HAR records the same call many times, a reference lists an endpoint in a table
 * and again in its section); the collector merges them so the created project never holds
 * two mocks fighting over one route.
 */

export interface CollectedResponse {
  name: string;
  statusCode: number;
  headers: HeaderMap;
  body: string;
  responseType: ResponseType;
}

interface CollectedMock {
  method: HttpMethod;
  path: string;
  name: string;
  description: string;
  responses: CollectedResponse[];
}

export function isHttpMethod(m: string): m is HttpMethod {
  return (HTTP_METHODS as readonly string[]).includes(m);
}

/**
 * A mock path from what a document writes: a full URL or a path, maybe with a query string;
 * `:id` and `<id>` segments become `{id}`. Returns the reason when no mock path can be made.
 */
export function toMockPath(raw: string): { path: string } | { problem: string } {
  let p = raw.trim();
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(p);
  if (scheme) p = p.slice(scheme[0].length);
  p = p.replace(/[?#].*$/s, '');
  if (p === '') p = '/';
  if (!p.startsWith('/')) p = `/${p}`;
  p = p
    .split('/')
    .map((seg) => {
      const named = /^:([A-Za-z_][A-Za-z0-9_]*)$/.exec(seg) ?? /^<([A-Za-z_][A-Za-z0-9_]*)>$/.exec(seg);
      return named ? `{${named[1]}}` : seg;
    })
    .join('/');
  if (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  const problem = mockPathProblem(p);
  return problem ? { problem } : { path: p };
}

/** Routes compare without parameter names: /users/{id} and /users/{userId} are one route. */
function routeKey(method: string, path: string): string {
  return `${method} ${path.replace(/\{[^}]*\}/g, '{}')}`;
}

/** A body's response type from its Content-Type header ("application/problem+json" → json). */
export function responseTypeOf(contentType: string | undefined, body: string): ResponseType {
  const ct = (contentType ?? '').toLowerCase();
  if (/json/.test(ct)) return 'json';
  if (/html/.test(ct)) return 'html';
  if (/xml/.test(ct)) return 'xml';
  if (ct !== '') return 'text';
  const t = body.trimStart();
  return t.startsWith('{') || t.startsWith('[') ? 'json' : 'text';
}

export class MockCollector {
  private readonly mocks = new Map<string, CollectedMock>();
  readonly skipped: ImportSkip[] = [];
  readonly warnings: string[] = [];

  /**
   * Adds a mock, or the responses it brings to the mock already on its route: a response
   * whose status the mock already has is a repeat (the first one stays).
   * Returns false when the route cannot be a mock (listed in `skipped`).
   */
  add(
    where: string,
    method: string,
    rawPath: string,
    mock: { name: string; description?: string; responses: CollectedResponse[] },
  ): boolean {
    const upper = method.toUpperCase();
    if (!isHttpMethod(upper)) {
      this.skipped.push({
        where,
        what: `${upper} ${rawPath}`,
        reason: `MockDeck mocks answer ${HTTP_METHODS.join(', ')}; ${upper} is not one of them`,
      });
      return false;
    }
    const made = toMockPath(rawPath);
    if ('problem' in made) {
      this.skipped.push({ where, what: `${upper} ${rawPath}`, reason: `not a usable mock path: ${made.problem}` });
      return false;
    }
    const key = routeKey(upper, made.path);
    const existing = this.mocks.get(key);
    if (!existing) {
      this.mocks.set(key, {
        method: upper,
        path: made.path,
        name: mock.name,
        description: mock.description ?? '',
        responses: [...mock.responses],
      });
      return true;
    }
    for (const r of mock.responses) {
      const same = existing.responses.find((e) => e.statusCode === r.statusCode);
      if (!same) existing.responses.push(r);
      else if (same.body === '' && r.body !== '') Object.assign(same, { body: r.body, responseType: r.responseType });
    }
    if (!existing.description && mock.description) existing.description = mock.description;
    return true;
  }

  get size(): number {
    return this.mocks.size;
  }

  /**
   * The mocks as drafts. The first 2xx response answers (default, weight 100); the other
   * documented statuses are kept with weight 0, so they never answer by chance and the user
   * can switch to one (or give it a condition) in the editor. Example bodies are data, not
   * templates: `{{…}}` in them is served as written.
   */
  drafts() {
    return [...this.mocks.values()].map((m) => {
      const responses = m.responses.length
        ? m.responses
        : [{ name: 'OK', statusCode: 200, headers: {}, body: '', responseType: 'json' as ResponseType }];
      const main = Math.max(
        0,
        responses.findIndex((r) => r.statusCode >= 200 && r.statusCode < 300),
      );
      return {
        name: m.name.slice(0, 200) || `${m.method} ${m.path}`,
        method: m.method,
        path: m.path,
        description: m.description.slice(0, 5000),
        responseType: responses[main]!.responseType,
        responses: responses.map((r, i) => ({
          name: r.name.slice(0, 200) || String(r.statusCode),
          statusCode: r.statusCode,
          headers: r.headers,
          body: r.body,
          isDefault: i === main,
          weight: i === main ? 100 : 0,
          disableTemplating: true,
        })),
      };
    });
  }
}
