import { z } from 'zod';
import type { ProjectDraftInput } from '../models';

/**
 * The payload of MockBird's POST /projects/batch-create (mockbird-api.md §3, the shape
 * POST /ai/generate/project returns): a project with endpoints and their scenarios. The
 * local management API and the cloud contract server accept it; the cloud client sends it.
 */
export const batchCreateSchema = z.object({
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
              responseBody: z.unknown().optional(),
              headers: z.record(z.string(), z.string()).optional(),
            }),
          )
          .default([]),
      }),
    )
    .max(10_000)
    .default([]),
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
