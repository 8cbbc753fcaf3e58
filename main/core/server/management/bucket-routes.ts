import type { FastifyInstance } from 'fastify';
import { bucketCreateSchema, bucketUpdateSchema } from '../../../../shared/models';
import { toWireBucket } from '../../../../shared/wire/buckets';
import { parseInput } from '../../util/errors';
import { bodyOf } from './body';
import type { ManagementDeps } from './deps';

type IdParams = { Params: { id: string } };

/**
 * Data buckets (docs/data-buckets.md): MockDeck's addition to the MockBird API. Bodies take
 * the model's camelCase fields, like mock and response bodies do.
 */
export function bucketRoutes(app: FastifyInstance, { call }: ManagementDeps): void {
  app.get<IdParams>('/projects/:id/buckets', async (req) => {
    const buckets = await call(req, 'buckets.list', { projectId: req.params.id });
    return { data: buckets.map(toWireBucket) };
  });

  app.post<IdParams>('/projects/:id/buckets', async (req, reply) => {
    const bucket = await call(req, 'buckets.create', {
      projectId: req.params.id,
      bucket: parseInput(bucketCreateSchema, bodyOf(req)),
    });
    return reply.code(201).send({ data: toWireBucket(bucket) });
  });

  app.get<IdParams>('/buckets/:id', async (req) => {
    return { data: toWireBucket(await call(req, 'buckets.get', { id: req.params.id })) };
  });

  app.put<IdParams>('/buckets/:id', async (req) => {
    const patch = parseInput(bucketUpdateSchema, bodyOf(req));
    return { data: toWireBucket(await call(req, 'buckets.update', { id: req.params.id, patch })) };
  });

  app.delete<IdParams>('/buckets/:id', async (req) => {
    await call(req, 'buckets.delete', { id: req.params.id });
    return { message: 'Bucket deleted' };
  });

  app.post<IdParams>('/buckets/:id/reset', async (req) => {
    return { data: toWireBucket(await call(req, 'buckets.reset', { id: req.params.id })) };
  });
}
