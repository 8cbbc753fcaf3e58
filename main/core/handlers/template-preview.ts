import { examplePath, type CallParsed, type TemplatePreview } from '../../../shared/ipc/contract';
import type { MockResponse } from '../../../shared/models';
import type { EngineRequest, ProjectRuntime } from '../engine';
import { normalizeRoutePath } from '../engine/router';
import { renderTemplatePreview, TemplateError } from '../engine/templating';
import { AppError } from '../util/errors';
import type { HandlerCore } from './context';

type PreviewInput = CallParsed<'responses.preview'>;

/**
 * `responses.preview`: renders a response's body and headers as the server would for one
 * sample request, without serving it. It reads the served project's data buckets and global
 * variables as they stand, through a runtime of its own (previewRuntime), so a preview's
 * setGlobalVar or scenario move never changes what the served project remembers; the
 * engine's own time and size caps bound the render.
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
      runtime: previewRuntime(core.server.runtime(project.id)),
    });
    return { ok: true, body: out.body, headers: out.headers, request };
  } catch (e) {
    if (e instanceof TemplateError) return { ok: false, error: { line: e.line ?? null, message: e.message }, request };
    throw e;
  }
}

/**
 * One preview's runtime: a read-only snapshot of the served project's runtime. Data buckets
 * are copied when the template first reads them (only what it reads, each at most a bucket's
 * 1 MiB) and global variables and scenario states when the preview starts (a shallow copy:
 * helpers replace a variable, never change its value in place). Whatever the preview writes
 * stays in the snapshot. A templated bucket no request has read yet is rendered by the
 * served runtime on that first read, as a request's would be: the value the server will serve.
 */
export function previewRuntime(served: ProjectRuntime | undefined): ProjectRuntime {
  const buckets = new Map<string, unknown>();
  const read = (nameOrId: string): unknown => {
    if (buckets.has(nameOrId)) return buckets.get(nameOrId);
    const value = served?.bucket(nameOrId);
    const copy = value === undefined ? undefined : structuredClone(value);
    buckets.set(nameOrId, copy);
    return copy;
  };
  return {
    globals: new Map(served?.globals),
    scenarios: new Map(served?.scenarios),
    bucket: read,
    setBucket: (nameOrId, value) => {
      if (read(nameOrId) === undefined) return false;
      buckets.set(nameOrId, value);
      return true;
    },
  };
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
