import { examplePath, type CallParsed, type TemplatePreview } from '../../../shared/ipc/contract';
import type { MockResponse } from '../../../shared/models';
import { createMemoryRuntime, type EngineRequest } from '../engine';
import { normalizeRoutePath } from '../engine/router';
import { renderTemplatePreview, TemplateError } from '../engine/templating';
import { AppError } from '../util/errors';
import type { HandlerCore } from './context';

type PreviewInput = CallParsed<'responses.preview'>;

/**
 * `responses.preview`: renders a response's body and headers as the server would for one
 * sample request, without serving it. It runs on a fresh runtime, so a preview's setVar or
 * scenario move never changes what the served project remembers; the engine's own time and
 * size caps bound the render.
 */
export function previewResponse(core: HandlerCore, input: PreviewInput): TemplatePreview {
  const mock = core.catalog.mocks.require(input.mockId);
  const project = core.catalog.projects.require(mock.projectId);
  const stored: MockResponse | undefined =
    input.responseId === undefined ? undefined : core.catalog.responses.require(mock.id, input.responseId);
  const sample = input.request;
  const method = (sample.method ?? mock.method).toUpperCase();
  const [rawPath, search] = splitQuery(sample.path ?? examplePath(mock.path));
  const path = rawPath || '/';
  const params = matchPattern(mock.path, path);
  if (!params) {
    throw new AppError('VALIDATION_ERROR', `the sample path ${path} does not match the mock's path ${mock.path}`, {
      field: 'request.path',
      hint: `use a path the mock answers, e.g. ${examplePath(mock.path)}`,
    });
  }
  const request = { method, path, params };
  const body = input.body ?? stored?.body ?? '';
  const headers = input.headers ?? stored?.headers ?? {};
  const disabled = input.disableTemplating ?? stored?.disableTemplating ?? false;
  if (disabled) return { ok: true, body, headers, request };

  const lowerHeaders = Object.fromEntries(Object.entries(sample.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const engineRequest: EngineRequest = {
    method,
    path,
    headers: lowerHeaders,
    query: { ...queryOf(search), ...sample.query },
    rawBody: Buffer.from(sample.body, 'utf8'),
  };
  const contentType = lowerHeaders['content-type'];
  if (contentType !== undefined) engineRequest.contentType = contentType;
  try {
    const out = renderTemplatePreview({
      body,
      headers,
      request: engineRequest,
      params,
      project,
      runtime: createMemoryRuntime(),
    });
    return { ok: true, body: out.body, headers: out.headers, request };
  } catch (e) {
    if (e instanceof TemplateError) return { ok: false, error: { line: e.line ?? null, message: e.message }, request };
    throw e;
  }
}

function splitQuery(path: string): [string, string] {
  const q = path.indexOf('?');
  return q < 0 ? [path, ''] : [path.slice(0, q), path.slice(q + 1)];
}

function queryOf(search: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const [k, v] of new URLSearchParams(search)) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return { ...out };
}

const decode = (seg: string): string => {
  try {
    return decodeURIComponent(seg);
  } catch {
    return seg;
  }
};

/**
 * The parameters `path` gives the mock's path pattern (`{id}` or `:id`, as the route table
 * reads them), or null when it does not match.
 */
export function matchPattern(pattern: string, path: string): Record<string, string> | null {
  const want = normalizeRoutePath(pattern).split('/');
  const got = normalizeRoutePath(path).split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = decode(got[i]!);
    const name = /^\{([^{}]+)\}$/.exec(w)?.[1] ?? (w.length > 1 && w.startsWith(':') ? w.slice(1) : null);
    if (name !== null) {
      if (g === '') return null;
      params[name] = g;
    } else if (decode(w) !== g) return null;
  }
  return params;
}
