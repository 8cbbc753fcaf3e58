import { z } from 'zod';
import type { Project } from '../../../shared/models';
import { AppError, parseInput } from '../util/errors';
import type { MockService } from './mocks';
import type { ProjectService } from './projects';
import type { ResponseService } from './responses';
import type { Store } from '../store/store';

/** The payload of POST /projects/batch-create (the shape POST /ai/generate/project returns). */
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

/** Creates the project, its mocks and their responses in one transaction: all or nothing. */
export function batchCreate(
  store: Store,
  services: { projects: ProjectService; mocks: MockService; responses: ResponseService },
  input: unknown,
): { project: Project; mockCount: number; responseCount: number } {
  const data = parseInput(batchCreateSchema, input);
  return store.tx(() => {
    const project = services.projects.create({
      name: data.name,
      description: data.description,
      isPublic: data.isPublic,
    });
    let responseCount = 0;
    data.endpoints.forEach((e, i) => {
      const mock = wrapField(`endpoints.${i}`, () =>
        services.mocks.create(project.id, {
          name: e.description?.trim() ? e.description.trim().slice(0, 200) : `${e.method.toUpperCase()} ${e.route}`,
          method: e.method,
          path: e.route,
          description: e.description ?? '',
        }),
      );
      e.scenarios.forEach((s, j) => {
        wrapField(`endpoints.${i}.scenarios.${j}`, () =>
          services.responses.create(mock.id, {
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
          }),
        );
        responseCount++;
      });
    });
    return { project, mockCount: data.endpoints.length, responseCount };
  });
}

/** Re-labels a nested validation error with where it sits in the batch payload. */
function wrapField<T>(prefix: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof AppError && e.code === 'VALIDATION_ERROR') {
      const field = e.field ? `${prefix}.${mapField(e.field)}` : prefix;
      throw new AppError('VALIDATION_ERROR', `${prefix}: ${e.message}`, { field });
    }
    throw e;
  }
}

const mapField = (f: string): string => (f === 'path' ? 'route' : f === 'statusCode' ? 'status' : f);
