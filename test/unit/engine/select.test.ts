import { describe, expect, it } from 'vitest';
import type { Mock, MockResponse } from '../../../shared/models';
import { compileProject, executeRequest, type EngineRequest } from '../../../main/core/engine';
import { MAX_ACTUAL } from '../../../main/core/engine/conditions';
import { cond, mock, project, request, response, seeded } from './fixtures';

function setup(m: Mock, responses: MockResponse[]) {
  const compiled = compileProject({ project: project(), mocks: [m], responses });
  return (req: Partial<EngineRequest> = {}, random: () => number = Math.random) =>
    executeRequest(compiled, request({ path: m.path, ...req }), { random });
}

describe('response selection', () => {
  it('conditional responses whose conditions all match form the pool, before unconditioned ones', () => {
    const m = mock();
    const plain = response(m.id, { name: 'plain', sortOrder: 0 });
    const admin = response(m.id, {
      name: 'admin',
      sortOrder: 1,
      conditions: [cond('header', 'x-role', 'equals', 'admin')],
    });
    const both = response(m.id, {
      name: 'both',
      sortOrder: 2,
      conditions: [cond('header', 'x-role', 'equals', 'admin'), cond('query', 'v', 'equals', '2')],
    });
    const run = setup(m, [plain, admin, both]);
    expect(run({ headers: { 'x-role': 'admin' } }).responseId).toBe(admin.id);
    expect(run({ headers: {} }).responseId).toBe(plain.id);
    // Both conditional responses match: the pool is the two of them, never the unconditioned one.
    const seen = new Set(
      Array.from(
        { length: 50 },
        (_, i) => run({ headers: { 'x-role': 'admin' }, query: { v: '2' } }, () => (i % 10) / 10).responseId,
      ),
    );
    expect(seen).toEqual(new Set([admin.id, both.id]));
  });

  it('records, for each conditional response not matched, the first failing condition and the value seen', () => {
    const m = mock();
    const c1 = cond('header', 'x-role', 'equals', 'admin');
    const c2 = cond('query', 'v', 'equals', '2');
    const admin = response(m.id, { name: 'admin', conditions: [c1] });
    const v2 = response(m.id, { name: 'v2', conditions: [c2] });
    const plain = response(m.id, { name: 'plain' });
    const r = setup(m, [admin, v2, plain])({ headers: { 'x-role': 'guest' } });
    expect(r.responseId).toBe(plain.id);
    expect(r.conditionFailures).toEqual([
      { responseId: admin.id, responseName: 'admin', condition: c1, actual: 'guest' },
      { responseId: v2.id, responseName: 'v2', condition: c2, actual: null },
    ]);
  });

  it('keeps at most MAX_ACTUAL characters of the value a failing condition saw', () => {
    const m = mock();
    const c = cond('header', 'x-note', 'equals', 'short');
    const r = setup(m, [response(m.id, { conditions: [c] }), response(m.id, { name: 'plain' })])({
      headers: { 'x-note': 'n'.repeat(10 * MAX_ACTUAL) },
    });
    expect(r.conditionFailures[0]!.actual).toBe(`${'n'.repeat(MAX_ACTUAL)}…`);
  });

  it('falls back to the default (else first) response when only conditional responses exist and none match', () => {
    const m = mock();
    const a = response(m.id, { sortOrder: 0, conditions: [cond('query', 'a', 'exists')] });
    const b = response(m.id, { sortOrder: 1, isDefault: true, conditions: [cond('query', 'b', 'exists')] });
    expect(setup(m, [a, b])().responseId).toBe(b.id);
    expect(setup(m, [a, { ...b, isDefault: false }])().responseId).toBe(a.id);
  });

  it('draws by weight: 3:1 over 2,000 seeded draws lands near 75%', () => {
    const m = mock();
    const heavy = response(m.id, { weight: 300, sortOrder: 0 });
    const light = response(m.id, { weight: 100, sortOrder: 1 });
    const run = setup(m, [heavy, light]);
    const rnd = seeded(42);
    let h = 0;
    for (let i = 0; i < 2000; i++) if (run({}, rnd).responseId === heavy.id) h++;
    expect(h / 2000).toBeGreaterThan(0.72);
    expect(h / 2000).toBeLessThan(0.78);
  });

  it('never draws a response of weight 0 while another has weight', () => {
    const m = mock();
    const zero = response(m.id, { weight: 0, sortOrder: 0 });
    const one = response(m.id, { weight: 1, sortOrder: 1 });
    const run = setup(m, [zero, one]);
    for (const x of [0, 0.5, 0.999999, 1]) expect(run({}, () => x).responseId).toBe(one.id);
  });

  it('all weights 0: the default response, else the first', () => {
    const m = mock();
    const a = response(m.id, { weight: 0, sortOrder: 0 });
    const b = response(m.id, { weight: 0, sortOrder: 1, isDefault: true });
    expect(setup(m, [a, b])({}, () => 0.99).responseId).toBe(b.id);
    expect(setup(m, [a, { ...b, isDefault: false }])({}, () => 0.99).responseId).toBe(a.id);
  });

  it('sequential mode cycles through the pool in sort order, ignoring weights', () => {
    const m = mock({ responseMode: 'sequential' });
    const rs = [2, 0, 1].map((o) => response(m.id, { sortOrder: o, name: `r${o}`, weight: o === 0 ? 0 : 100 }));
    const run = setup(m, rs);
    expect(Array.from({ length: 7 }, () => run().responseId)).toEqual([1, 2, 0, 1, 2, 0, 1].map((i) => rs[i]!.id));
  });

  it('sequential position survives a recompile of an unchanged mock and resets when the mock changes', () => {
    const m = mock({ responseMode: 'sequential' });
    const rs = [0, 1, 2].map((o) => response(m.id, { sortOrder: o }));
    const first = compileProject({ project: project(), mocks: [m], responses: rs });
    const next = (c: typeof first) => executeRequest(c, request(), { random: Math.random }).responseId;
    expect(next(first)).toBe(rs[0]!.id);
    const same = compileProject({ project: project(), mocks: [m], responses: rs }, first);
    expect(next(same)).toBe(rs[1]!.id);
    const edited = compileProject(
      { project: project(), mocks: [{ ...m, updatedAt: '2026-02-01T00:00:00.000Z' }], responses: rs },
      same,
    );
    expect(next(edited)).toBe(rs[0]!.id);
  });
});

describe('executeRequest results', () => {
  it('sets Content-Type from the response type, unless the response sets its own, plus CORS and custom headers', () => {
    for (const [type, ct] of [
      ['json', 'application/json; charset=utf-8'],
      ['xml', 'application/xml; charset=utf-8'],
      ['text', 'text/plain; charset=utf-8'],
      ['html', 'text/html; charset=utf-8'],
    ] as const) {
      const m = mock({ responseType: type });
      expect(setup(m, [response(m.id)])().headers['content-type']).toBe(ct);
    }
    const m = mock({ responseType: 'json' });
    const r = setup(m, [
      response(m.id, {
        statusCode: 418,
        body: 'x',
        headers: { 'Content-Type': 'application/problem+json', 'X-Trace': 't1' },
      }),
    ])();
    expect(r.status).toBe(418);
    expect(r.body).toBe('x');
    expect(r.headers).toMatchObject({
      'content-type': 'application/problem+json',
      'x-trace': 't1',
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET,POST,PUT,DELETE,PATCH,OPTIONS',
      'access-control-allow-headers': '*',
    });
  });

  it('returns the delay, and the two engine errors as §8 JSON', () => {
    const slow = mock({ path: '/slow', responseDelay: 250 });
    const empty = mock({ path: '/empty', name: 'Empty' });
    const c = compileProject({ project: project(), mocks: [slow, empty], responses: [response(slow.id)] });
    expect(executeRequest(c, request({ path: '/slow' }), { random: Math.random }).delayMs).toBe(250);
    const none = executeRequest(c, request({ path: '/empty' }), { random: Math.random });
    expect(none).toMatchObject({ status: 404, errorCode: 'NO_RESPONSE_DEFINED', mockId: empty.id, responseId: null });
    expect(JSON.parse(String(none.body))).toMatchObject({
      error: 'NO_RESPONSE_DEFINED',
      message: expect.stringContaining('Empty'),
    });
    const missing = executeRequest(c, request({ path: '/nowhere', method: 'delete' }), { random: Math.random });
    expect(missing).toMatchObject({ status: 404, errorCode: 'MOCK_NOT_FOUND', mockId: null });
    expect(JSON.parse(String(missing.body))).toMatchObject({
      error: 'MOCK_NOT_FOUND',
      message: expect.stringContaining('DELETE /nowhere'),
    });
    expect(missing.headers['content-type']).toBe('application/json; charset=utf-8');
  });
});
