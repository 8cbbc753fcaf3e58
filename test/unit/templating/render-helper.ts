import { createMemoryRuntime, type EngineRequest, type ProjectRuntime } from '../../../main/core/engine';
import { renderTemplatePreview, type TemplateLimits } from '../../../main/core/engine/templating';
import type { Project } from '../../../shared/models';
import { project as projectFixture } from '../engine/fixtures';

/** A sample request: POST /users/42?q=hello with a JSON body, a cookie and a Host header. */
export function sampleRequest(over: Partial<EngineRequest> = {}): EngineRequest {
  return {
    method: 'POST',
    path: '/users/42',
    headers: {
      host: 'localhost:3001',
      'x-trace': 'abc',
      cookie: 'session=s1; name=J%C3%B6rg',
      'content-type': 'application/json',
    },
    query: { q: 'hello', tags: ['a', 'b'] },
    rawBody: Buffer.from(
      JSON.stringify({
        user: { name: 'Ann', 'e.mail': 'ann@x.io' },
        items: [
          { id: 1, price: 5 },
          { id: 2, price: 20 },
        ],
      }),
    ),
    contentType: 'application/json',
    ip: '127.0.0.1',
    ...over,
  };
}

export interface RenderOptions {
  request?: Partial<EngineRequest>;
  params?: Record<string, string>;
  project?: Partial<Project>;
  runtime?: ProjectRuntime;
  limits?: Partial<TemplateLimits>;
}

/** The body `template` renders to for the sample request. */
export function render(template: string, o: RenderOptions = {}): string {
  return renderTemplatePreview(
    {
      body: template,
      headers: {},
      request: sampleRequest(o.request),
      params: o.params ?? { id: '42' },
      project: projectFixture(o.project),
      runtime: o.runtime ?? createMemoryRuntime(),
    },
    o.limits,
  ).body;
}
