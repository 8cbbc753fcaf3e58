import { describe, expect, it } from 'vitest';
import {
  compileProject,
  createPipeline,
  executeRequest,
  type CompiledProject,
  type EngineResult,
} from '../../../main/core/engine';
import {
  createTemplateRenderer,
  renderTemplatePreview,
  templateRenderer,
  TemplateError,
} from '../../../main/core/engine/templating';
import { createMemoryRuntime } from '../../../main/core/engine';
import type { MockResponse } from '../../../shared/models';
import { mock, project, request, response, seeded } from '../engine/fixtures';
import { sampleRequest } from './render-helper';

const m = mock({ path: '/users/{id}', name: 'user' });

function serve(r: Partial<MockResponse>, renderer = templateRenderer): CompiledProject {
  return compileProject(
    { project: project(), mocks: [m], responses: [response(m.id, { name: 'ok', ...r })] },
    undefined,
    createPipeline({ compileRenderer: renderer }),
  );
}

const call = (c: CompiledProject, path = '/users/7'): EngineResult =>
  executeRequest(c, request({ path, headers: { host: 'h:1' } }), { random: seeded(1) });

const errorOf = (res: EngineResult) => JSON.parse(String(res.body)) as { error: string; message: string };

describe('templateRenderer (the server default RendererCompiler)', () => {
  it('leaves a response without "{{" alone: no renderer, so the render stage costs nothing', () => {
    const r = response(m.id, { body: '{"plain": true}', headers: { 'X-A': 'b' } });
    expect(templateRenderer(r, m)).toBeNull();
  });

  it('leaves a response with disableTemplating alone, "{{" and all', () => {
    const r = response(m.id, { body: "{{urlParam 'id'}}", disableTemplating: true });
    expect(templateRenderer(r, m)).toBeNull();
    expect(call(serve({ body: "{{urlParam 'id'}}", disableTemplating: true })).body).toBe("{{urlParam 'id'}}");
  });

  it('renders the body and templated header values per request', () => {
    const c = serve({ body: "user {{urlParam 'id'}}", headers: { 'X-Id': "id-{{urlParam 'id'}}", 'X-Plain': 'p' } });
    const a = call(c, '/users/7');
    expect(a.status).toBe(200);
    expect(a.body).toBe('user 7');
    expect(a.headers['x-id']).toBe('id-7');
    expect(a.headers['x-plain']).toBe('p');
    expect(a.headers['access-control-allow-origin']).toBe('*');
    expect(call(c, '/users/8').headers['x-id']).toBe('id-8');
  });

  it('renders a header template even when the body has none', () => {
    const a = call(serve({ body: 'static', headers: { Location: "{{baseUrl}}/users/{{urlParam 'id'}}" } }));
    expect(a.body).toBe('static');
    expect(a.headers['location']).toBe('http://h:1/m/shop/users/7');
  });

  it('compiles once per response version', () => {
    let compiled = 0;
    const counting = createTemplateRenderer();
    const spy: typeof templateRenderer = (r, mm) => {
      compiled++;
      return counting(r, mm);
    };
    const pipeline = createPipeline({ compileRenderer: spy });
    const r = response(m.id, { body: "{{urlParam 'id'}}" });
    const input = { project: project(), mocks: [m], responses: [r] };
    const first = compileProject(input, undefined, pipeline);
    for (let i = 0; i < 3; i++) call(first);
    compileProject(input, first, pipeline);
    expect(compiled).toBe(1);
    compileProject({ ...input, responses: [{ ...r, updatedAt: '2030-01-01T00:00:00.000Z' }] }, first, pipeline);
    expect(compiled).toBe(2);
  });
});

describe('a broken template', () => {
  it('that does not compile answers 500 TEMPLATE_ERROR naming the response, the part and the line', () => {
    const res = call(serve({ body: 'line one\n{{#if}}' }));
    expect(res.status).toBe(500);
    expect(res.errorCode).toBe('TEMPLATE_ERROR');
    expect(res.responseId).not.toBeNull();
    const e = errorOf(res);
    expect(e.error).toBe('TEMPLATE_ERROR');
    expect(e.message).toMatch(/response "ok" of mock "user".*body: .*line 2/);
  });

  it('that fails while rendering answers TEMPLATE_ERROR with the line of the failing helper', () => {
    const e = errorOf(call(serve({ body: "a\nb\n{{faker 'nope.nothing'}}" })));
    expect(e.message).toMatch(/line 3.*"nope\.nothing" is not a faker method/);
  });

  it('in a header says which header', () => {
    const e = errorOf(call(serve({ body: 'x', headers: { 'X-Bad': '{{#each}}' } })));
    expect(e.message).toMatch(/header X-Bad: /);
  });

  it('that renders a header value HTTP cannot carry answers TEMPLATE_ERROR, not a dropped connection', () => {
    const res = call(serve({ body: 'x', headers: { 'X-Nl': "{{base64Decode 'YQpi'}}" } }));
    expect(res.status).toBe(500);
    expect(errorOf(res).message).toMatch(/header X-Nl: renders to a value HTTP cannot carry/);
  });

  it('leaves the other responses and later requests working', () => {
    const broken = response(m.id, { body: '{{#if}}', name: 'broken' });
    const fine = response(m.id, { body: "{{urlParam 'id'}}", name: 'fine', sortOrder: 1 });
    const c = compileProject(
      { project: project(), mocks: [{ ...m, responseMode: 'sequential' }], responses: [broken, fine] },
      undefined,
      createPipeline({ compileRenderer: templateRenderer }),
    );
    expect(call(c).status).toBe(500);
    expect(call(c).body).toBe('7');
  });

  it('throws TemplateError with its line from the preview', () => {
    const input = {
      body: 'a\n{{/nope}}',
      headers: {},
      request: sampleRequest(),
      params: {},
      project: project(),
      runtime: createMemoryRuntime(),
    };
    let caught: unknown;
    try {
      renderTemplatePreview(input);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(TemplateError);
    expect((caught as TemplateError).line).toBe(2);
  });
});

describe('the preview', () => {
  it('renders the body and header values against a sample request, like the server', () => {
    const out = renderTemplatePreview({
      body: "{{method}} {{body 'user.name'}}",
      headers: { 'X-Id': "{{urlParam 'id'}}", 'X-Static': 's' },
      request: sampleRequest(),
      params: { id: '9' },
      project: project(),
      runtime: createMemoryRuntime(),
    });
    expect(out).toEqual({ body: 'POST Ann', headers: { 'X-Id': '9', 'X-Static': 's' } });
  });
});
