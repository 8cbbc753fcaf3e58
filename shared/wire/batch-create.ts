import { z } from 'zod';
import { MAX_BODY_LENGTH, storedHeaderMapSchema, type ProjectDraftInput } from '../models';
import { MAX_JSON_DEPTH, jsonTooDeepAt, prettyJsonLength } from './json-limits';

/**
 * Counts a batch-create may hold. The whole tree is written in one transaction on the
 * thread that serves mocks, so its size is what bounds how long mocks wait (docs/security.md,
 * item 1): the largest batch takes well under 100 ms to write.
 */
export const MAX_BATCH_ENDPOINTS = 500;
export const MAX_BATCH_SCENARIOS_PER_ENDPOINT = 100;
export const MAX_BATCH_SCENARIOS = 1000;

/** A JSON responseBody is stored pretty-printed: its depth and printed size are checked before it is printed. */
const responseBodySchema = z.unknown().superRefine((body, ctx) => {
  if (body === undefined || typeof body === 'string') return;
  const deepAt = jsonTooDeepAt(body);
  if (deepAt !== undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `responseBody nests deeper than ${MAX_JSON_DEPTH} levels (at ${deepAt}): flatten it`,
    });
    return;
  }
  if (prettyJsonLength(body, 2, MAX_BODY_LENGTH) > MAX_BODY_LENGTH) {
    ctx.addIssue({
      code: 'custom',
      message: `responseBody is larger than 5 MB once pretty-printed: send it as a string, or make it smaller`,
    });
  }
});

/**
 * The payload of MockBird's POST /projects/batch-create (mockbird-api.md §3, the shape
 * POST /ai/generate/project returns): a project with endpoints and their scenarios. The
 * local management API and the cloud contract server accept it; the cloud client sends it.
 */
export const batchCreateSchema = z
  .object({
    name: z.string().trim().min(1, 'name is required').max(200),
    description: z.string().max(5000).default(''),
    isPublic: z.boolean().default(false),
    endpoints: z
      .array(
        z.object({
          method: z.string(),
          route: z.string(),
          description: z.string().max(5000).optional(),
          scenarios: z
            .array(
              z.object({
                name: z.string().trim().min(1).max(200).optional(),
                status: z.number().int().min(100).max(599).default(200),
                responseBody: responseBodySchema.optional(),
                // A list value is a header sent on several lines (docs/headers.md); checked as the draft is read.
                headers: storedHeaderMapSchema.optional(),
              }),
            )
            .max(
              MAX_BATCH_SCENARIOS_PER_ENDPOINT,
              `an endpoint may have at most ${MAX_BATCH_SCENARIOS_PER_ENDPOINT} scenarios`,
            )
            .default([]),
        }),
      )
      .max(MAX_BATCH_ENDPOINTS, `a batch may create at most ${MAX_BATCH_ENDPOINTS} endpoints: split the project`)
      .default([]),
  })
  .superRefine((data, ctx) => {
    const scenarios = data.endpoints.reduce((n, e) => n + e.scenarios.length, 0);
    if (scenarios > MAX_BATCH_SCENARIOS) {
      ctx.addIssue({
        code: 'custom',
        path: ['endpoints'],
        message: `a batch may create at most ${MAX_BATCH_SCENARIOS} scenarios in all, got ${scenarios}: split the project`,
      });
    }
  });
export type BatchCreatePayload = z.output<typeof batchCreateSchema>;
/** What a client sends (defaults not yet filled in). */
export type BatchCreateBody = z.input<typeof batchCreateSchema>;

/**
 * The payload as a project draft: an endpoint is a mock (named after its description, or
 * "METHOD route"), a scenario a response (the first one the default; a non-string body is
 * pretty-printed JSON).
 */
export function batchCreateDraft(data: BatchCreatePayload): Required<ProjectDraftInput> {
  return {
    buckets: [],
    project: { name: data.name, description: data.description, isPublic: data.isPublic },
    mocks: data.endpoints.map((e) => ({
      name: e.description?.trim() ? e.description.trim().slice(0, 200) : `${e.method.toUpperCase()} ${e.route}`,
      method: e.method,
      path: e.route,
      description: e.description ?? '',
      responses: e.scenarios.map((s, j) => ({
        name: s.name ?? `Scenario ${j + 1}`,
        statusCode: s.status,
        headers: s.headers ?? {},
        body:
          s.responseBody === undefined
            ? ''
            : typeof s.responseBody === 'string'
              ? s.responseBody
              : JSON.stringify(s.responseBody, null, 2),
        isDefault: j === 0,
      })),
    })),
  };
}

const FIELD_NAMES: Record<string, string> = { path: 'route', statusCode: 'status', body: 'responseBody' };

/**
 * Where a draft path (`mocks.1.path`, `mocks.0.responses.2.statusCode`) sits in the payload
 * (`endpoints.1.route`, `endpoints.0.scenarios.2.status`), so errors name what the caller sent.
 */
export function batchCreatePath(draftPath: string): string {
  const m = /^mocks\.(\d+)(?:\.responses\.(\d+))?(?:\.([^.]+))?(.*)$/.exec(draftPath);
  if (!m) return draftPath.replace(/^project\./, '');
  const [, i, j, field, rest] = m;
  const base = j === undefined ? `endpoints.${i}` : `endpoints.${i}.scenarios.${j}`;
  return field === undefined ? base : `${base}.${FIELD_NAMES[field] ?? field}${rest ?? ''}`;
}
