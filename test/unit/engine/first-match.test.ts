import { describe, expect, it } from 'vitest';
import type { Mock, MockResponse } from '../../../shared/models';
import { compileProject, executeRequest, type EngineRequest } from '../../../main/core/engine';
import { cond, mock, project, request, response } from './fixtures';

function setup(m: Mock, responses: MockResponse[]) {
  const compiled = compileProject({ project: project(), mocks: [m], responses });
  return (req: Partial<EngineRequest> = {}, random: () => number = Math.random) =>
    executeRequest(compiled, request({ path: m.path, ...req }), { random });
}

/** Three conditional responses, all matching `?v=2` with x-role admin; the last also needs ?w. */
function threeMatching(m: Mock) {
  const admin = response(m.id, {
    name: 'admin',
    sortOrder: 0,
    conditions: [cond('header', 'x-role', 'equals', 'admin')],
  });
  const v2 = response(m.id, { name: 'v2', sortOrder: 1, conditions: [cond('query', 'v', 'equals', '2')] });
  const w = response(m.id, { name: 'w', sortOrder: 2, conditions: [cond('query', 'w', 'exists')] });
  const plain = response(m.id, { name: 'plain', sortOrder: 3 });
  return { admin, v2, w, plain, all: [admin, v2, w, plain] };
}

describe('responseSelection', () => {
  it("'first' answers with the first matching conditional response, whatever the weights and the draw", () => {
    const m = mock({ responseSelection: 'first' });
    const r = threeMatching(m);
    r.admin.weight = 0;
    const run = setup(m, r.all);
    for (const x of [0, 0.5, 0.99]) {
      expect(run({ headers: { 'x-role': 'admin' }, query: { v: '2' } }, () => x).responseId).toBe(r.admin.id);
    }
    expect(run({ query: { v: '2' } }).responseId).toBe(r.v2.id);
  });

  it("'first' logs the other matching responses as lost to the first match", () => {
    const m = mock({ responseSelection: 'first' });
    const r = threeMatching(m);
    const res = setup(m, r.all)({ headers: { 'x-role': 'admin' }, query: { v: '2', w: '1' } });
    expect(res.responseId).toBe(r.admin.id);
    expect(res.alsoMatched).toEqual([
      { responseId: r.v2.id, responseName: 'v2', rule: 'first' },
      { responseId: r.w.id, responseName: 'w', rule: 'first' },
    ]);
  });

  it("'weighted' (the default) still draws among the matches, and logs the ones that lost the draw", () => {
    const m = mock();
    expect(m.responseSelection).toBe('weighted');
    const r = threeMatching(m);
    const run = setup(m, r.all);
    // Equal weights: a draw near 1 lands on the last of the two matches.
    const res = run({ headers: { 'x-role': 'admin' }, query: { v: '2' } }, () => 0.99);
    expect(res.responseId).toBe(r.v2.id);
    expect(res.alsoMatched).toEqual([{ responseId: r.admin.id, responseName: 'admin', rule: 'weighted' }]);
  });

  it('logs nothing as lost when a single response matched', () => {
    const m = mock({ responseSelection: 'first' });
    const r = threeMatching(m);
    const res = setup(m, r.all)({ query: { v: '2' } });
    expect(res.responseId).toBe(r.v2.id);
    expect(res.alsoMatched).toEqual([]);
  });

  it("'first' applies to rich mocks too (OR logic), and sequential mode names its own rule", () => {
    const m = mock({ responseSelection: 'first' });
    const a = response(m.id, {
      name: 'a',
      sortOrder: 0,
      conditionLogic: 'or',
      conditions: [cond('query', 'x', 'exists'), cond('query', 'y', 'exists')],
    });
    const b = response(m.id, { name: 'b', sortOrder: 1, conditions: [cond('query', 'y', 'exists')] });
    const res = setup(m, [a, b])({ query: { y: '1' } }, () => 0.99);
    expect(res.responseId).toBe(a.id);
    expect(res.alsoMatched.map((l) => l.responseName)).toEqual(['b']);

    const s = mock({ responseMode: 'sequential' });
    const s1 = response(s.id, { name: 's1', sortOrder: 0, conditions: [cond('query', 'y', 'exists')] });
    const s2 = response(s.id, { name: 's2', sortOrder: 1, conditions: [cond('query', 'y', 'exists')] });
    const run = setup(s, [s1, s2]);
    expect(run({ query: { y: '1' } }).alsoMatched).toEqual([
      { responseId: s2.id, responseName: 's2', rule: 'sequential' },
    ]);
    expect(run({ query: { y: '1' } }).responseId).toBe(s2.id);
  });
});

describe('methods', () => {
  it('an ANY mock answers every method; a mock for the method wins on the same path', () => {
    const any = mock({ method: 'ANY', path: '/things' });
    const del = mock({ method: 'DELETE', path: '/things' });
    const c = compileProject({
      project: project(),
      mocks: [any, del],
      responses: [response(any.id, { body: 'any' }), response(del.id, { body: 'delete' })],
    });
    const run = (method: string) => executeRequest(c, request({ method, path: '/things' }), { random: Math.random });
    expect(run('PATCH').body).toBe('any');
    expect(run('GET').body).toBe('any');
    expect(run('DELETE').body).toBe('delete');
  });

  it('a HEAD mock answers HEAD; without one the GET mock does', () => {
    const get = mock({ method: 'GET', path: '/g' });
    const head = mock({ method: 'HEAD', path: '/h' });
    const getH = mock({ method: 'GET', path: '/h' });
    const c = compileProject({
      project: project(),
      mocks: [get, head, getH],
      responses: [response(get.id, { statusCode: 200 }), response(head.id, { statusCode: 204 }), response(getH.id)],
    });
    const run = (path: string) => executeRequest(c, request({ method: 'HEAD', path }), { random: Math.random });
    expect(run('/g').mockId).toBe(get.id);
    expect(run('/h').mockId).toBe(head.id);
  });
});
