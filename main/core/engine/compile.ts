import { CONTENT_TYPES, type Mock, type MockResponse, type Project } from '../../../shared/models';
import { compileCondition } from './conditions';
import { CORS_HEADERS } from './cors';
import { RouteTable } from './router';
import type { CompileInput, CompiledMock, CompiledResponse } from './types';

/** A project's routes and responses, ready to answer requests without touching the store. */
export interface CompiledProject {
  readonly project: Project;
  readonly routes: RouteTable;
  /** Every mock by id, active or not (the server uses it to name mocks in logs). */
  readonly mocks: ReadonlyMap<string, CompiledMock>;
}

/**
 * Builds the route table and pre-computes each response's headers and conditions, so a
 * request does a route lookup and a few comparisons, nothing more. Pass the previous
 * compilation to keep the sequential position of mocks that did not change.
 */
export function compileProject(input: CompileInput, previous?: CompiledProject): CompiledProject {
  const byMock = new Map<string, MockResponse[]>();
  for (const r of input.responses) {
    const list = byMock.get(r.mockId);
    if (list) list.push(r);
    else byMock.set(r.mockId, [r]);
  }
  const routes = new RouteTable();
  const mocks = new Map<string, CompiledMock>();
  for (const mock of input.mocks) {
    const cm = compileMock(mock, byMock.get(mock.id) ?? []);
    const before = previous?.mocks.get(mock.id);
    if (before && before.signature === cm.signature) cm.seq = before.seq;
    mocks.set(mock.id, cm);
    if (mock.isActive) routes.add(mock.method.toUpperCase(), mock.path, cm);
  }
  return { project: input.project, routes, mocks };
}

function compileMock(mock: Mock, list: MockResponse[]): CompiledMock {
  const responses = [...list].sort((a, b) => a.sortOrder - b.sortOrder).map((r) => compileResponse(mock, r));
  const conditional = responses.filter((r) => r.conditions.length > 0);
  return {
    mock,
    responses,
    conditional,
    unconditioned: responses.filter((r) => r.conditions.length === 0),
    hasConditions: conditional.length > 0,
    signature: [
      mock.updatedAt,
      mock.responseMode,
      ...responses.map((r) => `${r.source.id}@${r.source.updatedAt}#${r.source.sortOrder}`),
    ].join('|'),
    seq: 0,
  };
}

function compileResponse(mock: Mock, r: MockResponse): CompiledResponse {
  // Header names are case-insensitive; lowercase keys let the response's own Content-Type replace the default.
  const headers: Record<string, string> = {
    ...CORS_HEADERS,
    'content-type': CONTENT_TYPES[mock.responseType] ?? CONTENT_TYPES.json,
  };
  for (const [name, value] of Object.entries(r.headers)) headers[name.toLowerCase()] = value;
  return { source: r, conditions: r.conditions.map(compileCondition), headers: Object.freeze(headers) };
}
