import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { federationCreateSchema, federationUpdateSchema, routeRequestSchema } from '../../../../shared/models';
import { parseInput } from '../../util/errors';
import { bodyOf } from './body';
import type { ManagementDeps } from './deps';

type IdParams = { Params: { id: string } };

const one = (name: string) => z.string({ message: `${name} must be given once, as a single value` });
const wholeNumber = (name: string, min: number, max: number) =>
  one(name)
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return undefined;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a whole number from ${min} to ${max}, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });

/** §Federation's query: org_id (required by MockOps, optional locally), and §Pagination's limit and offset. */
const listQuerySchema = z.object({
  org_id: one('org_id').max(200).optional(),
  limit: wholeNumber('limit', 1, 100),
  offset: wholeNumber('offset', 0, 1_000_000_000),
});

/**
 * mockops-api.md §Federation under /api/v1 (this plugin's prefix). Routes parse the wire and
 * call the federation.* use cases; the answers are the documented shapes (a bare federation
 * or list, 204 on delete), errors the documented `{error, message}` (mockops-errors.ts).
 */
export function federationRoutes(app: FastifyInstance, { call }: ManagementDeps): void {
  app.get('/federation', async (req) => {
    const q = parseInput(listQuerySchema, req.query ?? {});
    return call(req, 'federation.list', {
      ...(q.org_id === undefined ? {} : { org_id: q.org_id }),
      ...(q.limit === undefined ? {} : { limit: q.limit }),
      ...(q.offset === undefined ? {} : { offset: q.offset }),
    });
  });

  // Bodies are parsed here, so a bad field is named as the wire names it ("services.0.base_path").
  app.post('/federation', async (req) =>
    call(req, 'federation.create', parseInput(federationCreateSchema, bodyOf(req))),
  );

  app.get<IdParams>('/federation/:id', async (req) => call(req, 'federation.get', { id: req.params.id }));

  app.patch<IdParams>('/federation/:id', async (req) =>
    call(req, 'federation.update', { id: req.params.id, patch: parseInput(federationUpdateSchema, bodyOf(req)) }),
  );

  app.delete<IdParams>('/federation/:id', async (req, reply) => {
    await call(req, 'federation.delete', { id: req.params.id });
    return reply.code(204).send();
  });

  app.post<IdParams>('/federation/:id/route', async (req) =>
    call(req, 'federation.route', { id: req.params.id, request: parseInput(routeRequestSchema, bodyOf(req)) }),
  );
}
