import { describe, expect, it } from 'vitest';
import {
  compileProject,
  createPipeline,
  DEFAULT_PIPELINE,
  executeRequest,
  fallbackStage,
  faultsStage,
  insertStage,
  renderStage,
  selectStage,
  type CompiledProject,
  type Renderer,
  type RendererCompiler,
  type ResponseStage,
  type StageStep,
} from '../../../main/core/engine';
import { ResponseExchange } from '../../../main/core/engine/pipeline/exchange';
import { runSteps } from '../../../main/core/engine/pipeline/stage';
import type { CompiledMock, Exchange } from '../../../main/core/engine/types';
import type { Mock, MockResponse } from '../../../shared/models';
import { cond, mock, project, request, response } from './fixtures';

const random = () => 0;

function compile(mocks: Mock[], responses: MockResponse[], pipeline = DEFAULT_PIPELINE, previous?: CompiledProject) {
  return compileProject({ project: project(), mocks, responses }, previous, pipeline);
}

/** An exchange routed to `cm` (or to nothing), before any stage ran. */
const exchangeFor = (c: CompiledProject, cm: CompiledMock | null, path = '/users'): ResponseExchange =>
  new ResponseExchange(request({ path }), c.project, 'GET', random, c.runtime, cm && { mock: cm, params: {} });

const run = (step: StageStep | undefined, x: Exchange): void => {
  expect(step).toBeDefined();
  expect(step!(x)).toBeUndefined();
};

describe('select stage', () => {
  it('answers with the picked response: status, compiled headers, stored body, ids and failures', () => {
    const m = mock();
    const admin = response(m.id, {
      statusCode: 201,
      body: 'admin',
      conditions: [cond('header', 'x-role', 'equals', 'admin')],
    });
    const plain = response(m.id, { body: 'plain', sortOrder: 1 });
    const c = compile([m], [admin, plain]);
    const cm = c.mocks.get(m.id)!;
    const x = exchangeFor(c, cm);
    run(selectStage.forMock!(cm, c.project), x);
    expect(x).toMatchObject({ status: 200, body: 'plain', mockId: m.id, responseId: plain.id, errorCode: null });
    expect(x.response!.source).toBe(plain);
    expect(x.headers).toBe(cm.responses[1]!.headers);
    expect(x.conditionFailures.map((f) => f.responseId)).toEqual([admin.id]);
  });

  it('answers NO_RESPONSE_DEFINED for a mock without responses, and has no step for unmatched requests', () => {
    const m = mock({ name: 'Empty' });
    const c = compile([m], []);
    const x = exchangeFor(c, c.mocks.get(m.id)!);
    run(selectStage.forMock!(c.mocks.get(m.id)!, c.project), x);
    expect(x).toMatchObject({ status: 404, errorCode: 'NO_RESPONSE_DEFINED', mockId: m.id, responseId: null });
    expect(JSON.parse(String(x.body))).toMatchObject({ message: expect.stringContaining('"Empty"') });
    expect(selectStage.forUnmatched).toBeUndefined();
  });
});

describe('render stage', () => {
  const upper: RendererCompiler = (r) =>
    r.body.startsWith('tpl:')
      ? (x) => {
          x.body = `${r.body.slice(4)} ${x.req.path}`;
        }
      : null;

  it('is left out of mocks none of whose responses has a renderer', () => {
    const m = mock();
    const c = compile([m], [response(m.id, { body: 'x' })], createPipeline({ compileRenderer: upper }));
    expect(renderStage.forMock!(c.mocks.get(m.id)!, c.project)).toBeUndefined();
  });

  it("replaces the picked response's body with what its renderer makes of the request", () => {
    const m = mock();
    const r = response(m.id, { body: 'tpl:path is' });
    const c = compile([m], [r], createPipeline({ compileRenderer: upper }));
    const cm = c.mocks.get(m.id)!;
    const x = exchangeFor(c, cm, '/users');
    run(selectStage.forMock!(cm, c.project), x);
    run(renderStage.forMock!(cm, c.project), x);
    expect(x.body).toBe('path is /users');
  });

  it('compiles a renderer once per version of a response: a recompile reuses unchanged ones', async () => {
    const compiled: string[] = [];
    const counting: RendererCompiler = (r) => {
      compiled.push(r.id);
      const render: Renderer = (x) => {
        x.body = r.body;
      };
      return render;
    };
    const pipeline = createPipeline({ compileRenderer: counting });
    const m = mock();
    const a = response(m.id, { body: 'a' });
    const b = response(m.id, { body: 'b', sortOrder: 1 });
    const first = compile([m], [a, b], pipeline);
    const bEdited = { ...b, body: 'b2', updatedAt: '2026-02-01T00:00:00.000Z' };
    const second = compile([m], [a, bEdited], pipeline, first);
    expect(compiled).toEqual([a.id, b.id, b.id]);
    expect(second.mocks.get(m.id)!.responses[0]!.render).toBe(first.mocks.get(m.id)!.responses[0]!.render);
    // A renderer that cannot be compiled fails that response's requests, naming it, not the project.
    const broken = createPipeline({
      compileRenderer: () => {
        throw new Error('unclosed {{');
      },
    });
    const c = compile([m], [{ ...a, name: 'Bad' }], broken);
    const failed = executeRequest(c, request(), { random });
    // It fails as a stage does: the answer (and its log row) still name the mock and response.
    expect([failed.mockId, failed.responseId]).toEqual([m.id, a.id]);
    await expect(failed.pending).rejects.toThrow(/response "Bad" .*unclosed \{\{/);
  });
});

describe('faults stage', () => {
  it('sets the mock delay on answers with a response; mocks without a delay skip it', () => {
    const slow = mock({ responseDelay: 250 });
    const fast = mock({ path: '/fast' });
    const empty = mock({ path: '/empty', responseDelay: 250 });
    const c = compile([slow, fast, empty], [response(slow.id), response(fast.id)]);
    expect(faultsStage.forMock!(c.mocks.get(fast.id)!, c.project)).toBeUndefined();
    const x = exchangeFor(c, c.mocks.get(slow.id)!);
    run(selectStage.forMock!(c.mocks.get(slow.id)!, c.project), x);
    run(faultsStage.forMock!(c.mocks.get(slow.id)!, c.project), x);
    expect(x.delayMs).toBe(250);
    const e = exchangeFor(c, c.mocks.get(empty.id)!);
    run(selectStage.forMock!(c.mocks.get(empty.id)!, c.project), e);
    run(faultsStage.forMock!(c.mocks.get(empty.id)!, c.project), e);
    expect(e.delayMs).toBe(0);
  });
});

describe('fallback stage', () => {
  it('answers MOCK_NOT_FOUND for unmatched requests nothing else answered, and leaves others alone', () => {
    const c = compile([], []);
    const step = fallbackStage.forUnmatched!(c.project);
    const x = exchangeFor(c, null, '/nowhere');
    run(step, x);
    expect(x).toMatchObject({ status: 404, errorCode: 'MOCK_NOT_FOUND', mockId: null });
    expect(JSON.parse(String(x.body)).message).toContain('GET /nowhere');
    const answered = exchangeFor(c, null);
    answered.status = 299;
    answered.body = 'proxied';
    run(step, answered);
    expect([answered.status, answered.body]).toEqual([299, 'proxied']);
    expect(fallbackStage.forMock).toBeUndefined();
  });
});

describe('the pipeline', () => {
  it('compiles a static mock to the select step alone, and unmatched requests to the fallback alone', () => {
    const m = mock();
    const slow = mock({ path: '/slow', responseDelay: 5 });
    const c = compile([m, slow], [response(m.id), response(slow.id)]);
    expect(c.mocks.get(m.id)!.steps).toHaveLength(1);
    expect(c.mocks.get(slow.id)!.steps).toHaveLength(2);
    expect(c.unmatched).toHaveLength(1);
  });

  it('answers synchronously, with no promise, when no stage waits', () => {
    const m = mock();
    const c = compile([m], [response(m.id, { body: 'ok' })]);
    const result = executeRequest(c, request(), { random });
    expect(result.pending).toBeNull();
    expect(result.body).toBe('ok');
  });

  it('runs the steps after an asynchronous one once it settles, in order', async () => {
    const order: string[] = [];
    const sync =
      (name: string): StageStep =>
      () => {
        order.push(name);
        return undefined;
      };
    const wait: StageStep = () => Promise.resolve().then(() => void order.push('async'));
    const x = exchangeFor(compile([], []), null);
    const pending = runSteps([sync('a'), wait, sync('b')], x, 0, 1000);
    expect(order).toEqual(['a']);
    await pending;
    expect(order).toEqual(['a', 'async', 'b']);
    expect(runSteps([sync('c')], x, 0, 1000)).toBeUndefined();
  });

  it('bounds each asynchronous step, naming its stage when it takes too long', async () => {
    const hung: ResponseStage = { name: 'hung', forUnmatched: () => () => new Promise<void>(() => {}) };
    const pipeline = createPipeline({ stages: [hung, fallbackStage], stepTimeoutMs: 20 });
    const result = executeRequest(compile([], [], pipeline), request(), { random });
    await expect(result.pending).rejects.toThrow('pipeline stage "hung" did not finish within 20 ms');
    expect(() => createPipeline({ stepTimeoutMs: 0 })).toThrow(/stepTimeoutMs must be a positive number/);
  });

  it('inserts a stage by name, and refuses duplicate or unknown names', () => {
    const extra: ResponseStage = { name: 'extra' };
    const p = insertStage(DEFAULT_PIPELINE, extra, { before: 'faults' });
    expect(p.stages.map((s) => s.name)).toEqual(['select', 'render', 'extra', 'faults', 'fallback']);
    expect(() => insertStage(p, extra, { after: 'select' })).toThrow(/two pipeline stages are named "extra"/);
    expect(() => insertStage(p, { name: 'x' }, { after: 'proxy' })).toThrow(/no pipeline stage is named "proxy"/);
  });

  it('refuses to leave a request unanswered when a pipeline has no fallback', () => {
    const c = compile([], [], createPipeline({ stages: [selectStage, renderStage, faultsStage] }));
    expect(() => executeRequest(c, request({ path: '/x' }), { random })).toThrow(/no pipeline stage answered GET \/x/);
  });
});

describe('project runtime', () => {
  it('a recompiled project keeps the runtime of the previous compilation, so edits do not reset state', () => {
    const first = compileProject({ project: project(), mocks: [], responses: [] });
    first.runtime.globals.set('counter', 3);
    const second = compileProject({ project: project(), mocks: [], responses: [] }, first);
    expect(second.runtime).toBe(first.runtime);
    expect(second.runtime.globals.get('counter')).toBe(3);
  });
});
