import type { FastifyInstance } from 'fastify';
import { responseCreateSchema, responseUpdateSchema } from '../../../shared/models';
import type { ServerContext } from '../context';
import { parseBody } from '../http/errors';
import {
  deleteResponse,
  insertResponse,
  listResponses,
  requireMock,
  requireResponse,
  updateResponse,
} from './mock-repo';
import type { ScopeFn } from './routes';
import { wireResponse } from './rows';

export function registerResponseRoutes(app: FastifyInstance, ctx: ServerContext, scope: ScopeFn): void {
  app.get<{ Params: { id: string } }>('/api/v1/mocks/:id/responses', async (req) => {
    const { org } = scope(req);
    const m = requireMock(ctx, org.id, req.params.id);
    return { data: listResponses(ctx, m.id).map(wireResponse) };
  });

  app.post<{ Params: { id: string } }>('/api/v1/mocks/:id/responses', async (req, reply) => {
    const { org } = scope(req);
    const m = requireMock(ctx, org.id, req.params.id);
    const body = parseBody(responseCreateSchema, req.body);
    return reply.code(201).send({ data: wireResponse(insertResponse(ctx, m, body)) });
  });

  app.put<{ Params: { id: string; responseId: string } }>('/api/v1/mocks/:id/responses/:responseId', async (req) => {
    const { org } = scope(req);
    const m = requireMock(ctx, org.id, req.params.id);
    const r = requireResponse(ctx, m.id, req.params.responseId);
    const body = parseBody(responseUpdateSchema, req.body);
    return { data: wireResponse(updateResponse(ctx, m, r, body)) };
  });

  app.delete<{ Params: { id: string; responseId: string } }>('/api/v1/mocks/:id/responses/:responseId', async (req) => {
    const { org } = scope(req);
    const m = requireMock(ctx, org.id, req.params.id);
    const r = requireResponse(ctx, m.id, req.params.responseId);
    deleteResponse(ctx, m, r);
    return { data: { response_id: r.id, deleted: true } };
  });
}
