import { z } from 'zod';
import { chaosSettingSchema } from './chaos';
import { MAX_DELAY_MS } from './delay';
import type { MockResponse } from './response';
import type { RouteWarning } from './routes';

export { MAX_DELAY_MS };

/** docs/reference/mockbird-api.md §4 lists these five methods. */
export const SPEC_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] as const;
/**
 * The spec's five, plus what Mockoon users expect (docs/routes.md): HEAD and OPTIONS mocks,
 * and ANY, which answers every method its path gets unless a mock for that very method
 * exists on the same path.
 */
export const HTTP_METHODS = [...SPEC_METHODS, 'HEAD', 'OPTIONS', 'ANY'] as const;
export const httpMethodSchema = z.preprocess(
  (v) => (typeof v === 'string' ? v.toUpperCase() : v),
  z.enum(HTTP_METHODS, { message: `method must be one of ${HTTP_METHODS.join(', ')}` }),
);
export type HttpMethod = (typeof HTTP_METHODS)[number];

export const RESPONSE_TYPES = ['json', 'xml', 'text', 'html'] as const;
export const responseTypeSchema = z.enum(RESPONSE_TYPES, {
  message: `responseType must be one of ${RESPONSE_TYPES.join(', ')}`,
});
export type ResponseType = (typeof RESPONSE_TYPES)[number];

export const CONTENT_TYPES: Record<ResponseType, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/**
 * random: weighted pick (the spec's); sequential: cycle through the pool in order;
 * disable_rules: always the default response, conditions ignored; fallback: when no
 * response's conditions hold, the request goes on to the next mock matching its route
 * (Mockoon's modes; docs/rules.md).
 */
/**
 * When several conditional responses match: 'weighted' draws among them by weight
 * (docs/reference/mockbird-api.md §5, the default); 'first' takes the first in order
 * (Mockoon's rule, set on Mockoon imports). The log names the ones that matched and lost.
 */
export const RESPONSE_SELECTIONS = ['weighted', 'first'] as const;
export const responseSelectionSchema = z.enum(RESPONSE_SELECTIONS, {
  message: `responseSelection must be one of ${RESPONSE_SELECTIONS.join(', ')}`,
});
export type ResponseSelection = (typeof RESPONSE_SELECTIONS)[number];

export const RESPONSE_MODES = ['random', 'sequential', 'disable_rules', 'fallback'] as const;
export const responseModeSchema = z.enum(RESPONSE_MODES);
export type ResponseMode = (typeof RESPONSE_MODES)[number];

/**
 * http: answers with its responses. crud: Mockoon's CRUD route, answering GET/POST/PUT/PATCH/
 * DELETE on its path and on `<path>/<key>` from a data bucket (main/core/engine/crud).
 */
export const MOCK_KINDS = ['http', 'crud'] as const;
export const mockKindSchema = z.enum(MOCK_KINDS, { message: `kind must be one of ${MOCK_KINDS.join(', ')}` });
export type MockKind = (typeof MOCK_KINDS)[number];

/** A CRUD route's key field: a property name, or a dotted path such as data.id. */
export const crudKeySchema = z
  .string()
  .trim()
  .min(1, 'crudKey is required, e.g. id')
  .max(200)
  .regex(/^[^.\s]+(\.[^.\s]+)*$/, 'crudKey is a property name or a dotted path, e.g. id or data.id');
export const DEFAULT_CRUD_KEY = 'id';

/** Why a mock path is not usable, or undefined when it is. */
export function mockPathProblem(path: string): string | undefined {
  if (!path.startsWith('/')) return 'path must start with "/", e.g. /users/{id}';
  if (/[?#]/.test(path)) return 'path must not contain "?" or "#": match query strings with a query condition';
  if (/\s/.test(path)) return 'path must not contain spaces';
  const segments = path.split('/').slice(1);
  const names = new Set<string>();
  for (const seg of segments) {
    // `*` is one segment, or as the last segment the rest of the path (docs/routes.md); inside
    // a segment it is literal text, as it always was.
    if (seg === '*') continue;
    const param = /^\{([^{}]*)\}$/.exec(seg) ?? /^:(.*)$/.exec(seg);
    if (param) {
      const name = param[1] ?? '';
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
        return `path parameter "${seg}" needs a name of letters, digits or _, e.g. {id}`;
      }
      if (names.has(name)) return `path parameter "${name}" appears twice`;
      names.add(name);
    } else if (/[{}]/.test(seg)) {
      return `path segment "${seg}" mixes text and braces: a parameter must be a whole segment, e.g. /users/{id}`;
    }
  }
  return undefined;
}

/** `:id` segments are stored as `{id}`, the spec's spelling, so both match alike. */
export const normalizeMockPath = (path: string): string =>
  path
    .split('/')
    .map((seg) => (seg.startsWith(':') ? `{${seg.slice(1)}}` : seg))
    .join('/');

export const mockPathSchema = z
  .string()
  .trim()
  .min(1, 'path is required, e.g. /users/{id}')
  .max(2000)
  .superRefine((p, ctx) => {
    const problem = mockPathProblem(p);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const mockSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  name: z.string(),
  path: z.string(),
  method: z.enum(HTTP_METHODS),
  description: z.string(),
  responseType: responseTypeSchema,
  responseDelay: z.number(),
  responseMode: responseModeSchema,
  responseSelection: responseSelectionSchema,
  isActive: z.boolean(),
  /** Latency, injected errors and network faults for this mock (./chaos.ts); null: off. */
  chaos: chaosSettingSchema,
  kind: mockKindSchema,
  /** The data bucket a CRUD mock works on, by name; null for none. */
  bucket: z.string().nullable(),
  crudKey: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Mock = z.infer<typeof mockSchema>;

const delaySchema = z
  .number({ message: 'responseDelay must be a number of milliseconds' })
  .int('responseDelay must be a whole number of milliseconds')
  .min(0, 'responseDelay cannot be negative')
  .max(MAX_DELAY_MS, `responseDelay is at most ${MAX_DELAY_MS} ms`);

/**
 * What a mock *is*, apart from where it is stored (no id, project, timestamps or order), with
 * the defaults a new mock gets. This is the one definition of a mock's content: create
 * inputs, drafts, project files, sync fingerprints and cloud bodies all use it (./content.ts).
 */
export const mockCreateSchema = z.object({
  name: z.string().trim().min(1, 'name is required').max(200),
  path: mockPathSchema,
  method: httpMethodSchema,
  description: z.string().max(5000).default(''),
  responseType: responseTypeSchema.default('json'),
  responseDelay: delaySchema.default(0),
  responseMode: responseModeSchema.default('random'),
  responseSelection: responseSelectionSchema.default('weighted'),
  isActive: z.boolean().default(true),
  kind: mockKindSchema.default('http'),
  bucket: z.string().trim().min(1).max(100).nullable().default(null),
  crudKey: crudKeySchema.default(DEFAULT_CRUD_KEY),
});
export type MockCreate = z.input<typeof mockCreateSchema>;

export const mockUpdateSchema = z.object({
  name: z.string().trim().min(1, 'name cannot be empty').max(200).optional(),
  path: mockPathSchema.optional(),
  method: httpMethodSchema.optional(),
  description: z.string().max(5000).optional(),
  responseType: responseTypeSchema.optional(),
  responseDelay: delaySchema.optional(),
  responseMode: responseModeSchema.optional(),
  responseSelection: responseSelectionSchema.optional(),
  isActive: z.boolean().optional(),
  /** null turns the mock's chaos off (the project's, if any, then applies). */
  chaos: chaosSettingSchema.optional(),
  kind: mockKindSchema.optional(),
  bucket: z.string().trim().min(1).max(100).nullable().optional(),
  crudKey: crudKeySchema.optional(),
});
export type MockUpdate = z.input<typeof mockUpdateSchema>;

export type MockSummary = Mock & {
  responseCount: number;
  hits: number;
  lastRequestAt: string | null;
  /** The active mock earlier in the project's order with the same method and path, which answers instead; null when none. */
  shadowedBy?: string | null;
};

/** A mock a write created or changed, with the routes it now shadows or is shadowed by (absent: none). */
export type MockWritten = Mock & { warnings?: RouteWarning[] };

/** A mock with its responses in their order (mocks.get). */
export interface MockWithResponses extends Mock {
  responses: MockResponse[];
}
