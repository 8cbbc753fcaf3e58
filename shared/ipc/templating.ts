import { z } from 'zod';
import { headerMapSchema, MAX_BODY_LENGTH, type HeaderMap } from '../models';
import { call, reads } from './call-meta';

/**
 * The templating block of the IPC contract (spread into `calls` in contract.ts): the helper
 * reference the body editor completes from, and the preview that renders a response's
 * template against a sample request without serving it.
 */

const id = z.string().min(1, 'id is required');

/** One template helper as the editor lists it (the engine's TEMPLATE_HELPERS). */
export interface TemplateHelperDoc {
  name: string;
  /** How it is called, e.g. `urlParam 'name'`. */
  signature: string;
  description: string;
  /** Where the editor files it: request, faker, math… */
  group: string;
}

// A sample request is typed by hand in the editor: these bounds only keep one preview call
// from asking for unbounded work, far above what anyone types.
const MAX_SAMPLE_FIELDS = 100;
const MAX_SAMPLE_BODY = 1024 * 1024;

export const sampleRequestSchema = z.object({
  /** Default: the mock's method (GET for ANY). */
  method: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{1,20}$/, 'method must be a word of letters, e.g. GET or POST')
    .optional(),
  /** The path after the project prefix; default: the mock's path with example parameters (examplePath). */
  path: z
    .string()
    .max(2048, 'path is longer than 2,048 characters')
    .refine((p) => p.startsWith('/'), 'path must start with "/", e.g. /users/42')
    .optional(),
  query: z
    .record(z.string().max(200), z.union([z.string().max(8192), z.array(z.string().max(8192)).max(20)]))
    .refine((q) => Object.keys(q).length <= MAX_SAMPLE_FIELDS, `at most ${MAX_SAMPLE_FIELDS} query parameters`)
    .default({}),
  headers: z
    .record(z.string().max(200), z.string().max(8192))
    .refine((h) => Object.keys(h).length <= MAX_SAMPLE_FIELDS, `at most ${MAX_SAMPLE_FIELDS} headers`)
    .default({}),
  body: z.string().max(MAX_SAMPLE_BODY, 'the sample body is larger than 1 MiB').default(''),
});
export type SampleRequest = z.input<typeof sampleRequestSchema>;

/** What to render and against what; the REST route's request body (POST /mocks/:id/responses/:responseId/preview). */
export const previewOptionsSchema = z.object({
  /** Overrides the stored response's body: an unsaved edit. */
  body: z.string().max(MAX_BODY_LENGTH, 'body is larger than 5 MB').optional(),
  headers: headerMapSchema.optional(),
  /** As the editor's toggle stands (default: the stored response's): true previews the body as it is sent, untouched. */
  disableTemplating: z.boolean().optional(),
  request: sampleRequestSchema.default({ query: {}, headers: {}, body: '' }),
});

export const previewInputSchema = previewOptionsSchema
  .extend({
    mockId: id,
    /** A stored response: its body and headers, unless `body`/`headers` are given. */
    responseId: id.optional(),
  })
  .refine((i) => i.responseId !== undefined || i.body !== undefined, {
    message: 'give a responseId (a stored response) or a body to preview',
    path: ['body'],
  });

/** What a template problem looks like to the editor: the 1-based line of the body, when known. */
export interface TemplateProblem {
  line: number | null;
  message: string;
}

/** The sample request as it was rendered against, defaults filled in. */
export interface ResolvedSample {
  method: string;
  path: string;
  /** Path parameters the mock's path pattern took from the sample path. */
  params: Record<string, string>;
}

export type TemplatePreview =
  | { ok: true; body: string; headers: HeaderMap; request: ResolvedSample }
  | { ok: false; error: TemplateProblem; request: ResolvedSample };

export const templatingCalls = {
  'templating.helpers': call(
    z.object({}).strict().optional(),
    reads('Lists the template helpers a response body or header can use, with how to call each.', 'cli', 'mcp'),
  ).returns<readonly TemplateHelperDoc[]>(),
  'responses.preview': call(
    previewInputSchema,
    reads(
      "Renders a response's template against a sample request (defaults: the mock's method and path) without serving it; a broken template answers its line and what is wrong.",
      'rest',
      'cli',
      'mcp',
    ),
  ).returns<TemplatePreview>(),
} as const;

/** A value for a path parameter in the default sample path: ids get a number, the rest a word. */
const exampleValue = (name: string): string => (/id$/i.test(name) ? '42' : `sample-${name.toLowerCase()}`);

/** The mock's path with an example value for each `{param}` or `:param`, e.g. /users/{id} → /users/42. */
export function examplePath(mockPath: string): string {
  const path = mockPath.startsWith('/') ? mockPath : `/${mockPath}`;
  return path
    .split('/')
    .map((seg) => {
      const brace = /^\{([^{}]+)\}$/.exec(seg);
      if (brace) return encodeURIComponent(exampleValue(brace[1]!));
      if (seg.length > 1 && seg.startsWith(':')) return encodeURIComponent(exampleValue(seg.slice(1)));
      return seg;
    })
    .join('/');
}
