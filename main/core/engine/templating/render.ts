import {
  headerLines,
  isTemplateText,
  type HeaderMap,
  type HeaderValue,
  type Mock,
  type MockResponse,
  type Project,
} from '../../../../shared/models';
import { answerError, errorBody } from '../errors';
import type { RendererCompiler } from '../pipeline/stage';
import type { ProjectRuntime } from '../runtime';
import type { EngineRequest, Exchange, Renderer, RequestView } from '../types';
import { describeTemplateError, TemplateError, toTemplateError } from './errors';
import { fakerFor } from './faker';
import { compileTemplate, RUNTIME_OPTIONS } from './handlebars-env';
import { DEFAULT_TEMPLATE_LIMITS, withScope, type RenderScope, type TemplateLimits } from './scope';

/** What marks a body or header value as a template (Mockoon's rule; one definition, in shared/models). */
export const isTemplate = isTemplateText;

type Compiled = (scope: RenderScope) => string;

/** A header value that can go on the wire (the response models' rule): no line breaks, Latin-1 only. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** One template, compiled now; renders within the scope's limits. A template that does not compile throws TemplateError. */
function compilePart(source: string): Compiled {
  const template = compileTemplate(source);
  return (s) => {
    let out: string;
    try {
      out = template({}, { ...RUNTIME_OPTIONS, data: {} });
    } catch (e) {
      throw toTemplateError(e);
    }
    if (out.length > s.limits.outputChars) {
      throw new TemplateError(
        `the rendered text is ${out.length} characters long, over the limit of ${s.limits.outputChars}: render less`,
      );
    }
    return out;
  };
}

interface CompiledParts {
  body: Compiled | null;
  /**
   * Header name (as the response stores it) → its lines, for headers with a templated line;
   * a repeated header keeps its plain lines as text and renders each templated one.
   */
  headers: [string, (Compiled | string)[] | Compiled][];
}

/** Compiles the templated parts of a response; null when nothing in it is a template. */
function compileParts(body: string, headers: Readonly<HeaderMap>): CompiledParts | null {
  const templatedHeaders = Object.entries(headers).filter(([, v]) => headerLines(v).some(isTemplate));
  if (!isTemplate(body) && templatedHeaders.length === 0) return null;
  const where = (part: string, e: unknown): TemplateError => {
    const err = toTemplateError(e);
    return new TemplateError(`${part}: ${describeTemplateError(err)}`, err.line);
  };
  let bodyPart: Compiled | null = null;
  if (isTemplate(body)) {
    try {
      bodyPart = compilePart(body);
    } catch (e) {
      throw where('body', e);
    }
  }
  const headerParts: CompiledParts['headers'] = templatedHeaders.map(([name, value]) => {
    try {
      if (typeof value === 'string') return [name, compilePart(value)];
      return [name, value.map((line) => (isTemplate(line) ? compilePart(line) : line))];
    } catch (e) {
      throw where(`header ${name}`, e);
    }
  });
  return { body: bodyPart, headers: headerParts };
}

interface RenderInput {
  view: RequestView;
  project: Project;
  runtime: ProjectRuntime;
  params: Record<string, string>;
}

/** Renders the parts with one scope (one time budget for body and headers together). */
function renderParts(
  parts: CompiledParts,
  input: RenderInput,
  limits: TemplateLimits,
): { body: string | null; headers: [string, HeaderValue][] } {
  const s: RenderScope = {
    view: input.view,
    req: input.view.req,
    params: input.params,
    project: input.project,
    runtime: input.runtime,
    faker: fakerFor(input.project, input.runtime),
    limits,
    deadline: performance.now() + limits.timeMs,
    work: 0,
  };
  return withScope(s, () => ({
    body: parts.body ? render('body', parts.body, s) : null,
    headers: renderHeaders(parts.headers, s),
  }));
}

// Module functions, not closures made per request: a render runs on every request of a
// templated mock, and each closure created there is an allocation (and, under tsx, a __name call).
function renderHeaders(headers: CompiledParts['headers'], s: RenderScope): [string, HeaderValue][] {
  const out: [string, HeaderValue][] = [];
  for (const [name, part] of headers) {
    out.push([name, Array.isArray(part) ? part.map((p) => renderLine(name, p, s)) : renderLine(name, part, s)]);
  }
  return out;
}

function renderLine(name: string, part: Compiled | string, s: RenderScope): string {
  if (typeof part === 'string') return part;
  const value = render(`header ${name}`, part, s);
  if (!HEADER_VALUE.test(value)) {
    throw new TemplateError(
      `header ${name}: renders to a value HTTP cannot carry (a line break, or a character outside Latin-1): encode it (base64) or change the template`,
    );
  }
  return value;
}

function render(part: string, compiled: Compiled, s: RenderScope): string {
  try {
    return compiled(s);
  } catch (e) {
    const err = toTemplateError(e);
    throw new TemplateError(`${part}: ${describeTemplateError(err)}`, err.line);
  }
}

/**
 * The pipeline's RendererCompiler with templating (engine/pipeline/stage.ts): a response whose
 * body or a header value holds `{{` is compiled once per version into a renderer, unless
 * it sets disableTemplating; every other response gets null and costs nothing. A template
 * that fails, at compile time or for one request, answers 500 TEMPLATE_ERROR naming the
 * response, the part (body or header), the line and what is wrong; the server goes on.
 */
export function createTemplateRenderer(limits: Partial<TemplateLimits> = {}): RendererCompiler {
  const bounds: TemplateLimits = { ...DEFAULT_TEMPLATE_LIMITS, ...limits };
  return (response: MockResponse, mock: Mock): Renderer | null => {
    if (response.disableTemplating) return null;
    const what = `response "${response.name}" of mock "${mock.name}"`;
    let parts: CompiledParts | null;
    try {
      parts = compileParts(response.body, response.headers);
    } catch (e) {
      const body = templateErrorBody(what, toTemplateError(e));
      return (x) => answerError(x, 'TEMPLATE_ERROR', body);
    }
    if (parts === null) return null;
    const compiled = parts;
    const lowerNames = compiled.headers.map(([name]) => name.toLowerCase());
    return (x: Exchange) => {
      let out: { body: string | null; headers: [string, HeaderValue][] };
      try {
        out = renderParts(compiled, { view: x, project: x.project, runtime: x.runtime, params: x.params }, bounds);
      } catch (e) {
        answerError(x, 'TEMPLATE_ERROR', templateErrorBody(what, toTemplateError(e)));
        return;
      }
      if (out.body !== null) x.body = out.body;
      if (out.headers.length > 0) {
        const headers = { ...x.headers };
        out.headers.forEach(([, value], i) => (headers[lowerNames[i]!] = value));
        x.headers = headers;
      }
    };
  };
}

const templateErrorBody = (what: string, e: TemplateError): string =>
  errorBody(
    'TEMPLATE_ERROR',
    `the template of ${what} cannot be rendered: ${describeTemplateError(e)}. Fix the template in MockDeck, or turn templating off for this response (disableTemplating)`,
  );

/** The server's renderer compiler: templating with the default limits. */
export const templateRenderer: RendererCompiler = createTemplateRenderer();

export interface TemplatePreviewInput {
  body: string;
  headers: HeaderMap;
  request: EngineRequest;
  params: Record<string, string>;
  project: Project;
  runtime: ProjectRuntime;
}

/**
 * Renders a body and headers against a sample request, as the server would (same helpers,
 * limits and faker), for the editor's preview. Values without `{{` come back as they are.
 * Throws TemplateError (with its line) for a broken template.
 */
export function renderTemplatePreview(
  input: TemplatePreviewInput,
  limits: Partial<TemplateLimits> = {},
): { body: string; headers: HeaderMap } {
  const parts = compileParts(input.body, input.headers);
  if (parts === null) return { body: input.body, headers: { ...input.headers } };
  const out = renderParts(
    parts,
    {
      view: { req: input.request, params: input.params },
      project: input.project,
      runtime: input.runtime,
      params: input.params,
    },
    { ...DEFAULT_TEMPLATE_LIMITS, ...limits },
  );
  const headers = { ...input.headers };
  for (const [name, value] of out.headers) headers[name] = value;
  return { body: out.body ?? input.body, headers };
}
