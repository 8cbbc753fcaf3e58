import type { FastifyInstance } from 'fastify';
import { mockCreateSchema, mockUpdateSchema } from '../../../shared/models';
import type { ServerContext } from '../context';
import { parseBody } from '../http/errors';
import { deleteMock, insertMock, listMocks, listResponses, requireMock, updateMock } from './mock-repo';
import { requireProject } from './repo';
import type { ScopeFn } from './routes';
import { wireMock, wireResponse } from './rows';

export function registerMockRoutes(app: FastifyInstance, ctx: ServerContext, scope: ScopeFn): void {
  app.get<{ Params: { projectId: string } }>('/api/v1/projects/:projectId/mocks', async (req) => {
    const { org } = scope(req);
    const p = requireProject(ctx, org.id, req.params.projectId);
    return { data: listMocks(ctx, p.id).map((m) => wireMock(m, m.response_count)) };
  });

  app.post<{ Params: { projectId: string } }>('/api/v1/projects/:projectId/mocks', async (req, reply) => {
    const { org } = scope(req);
    const p = requireProject(ctx, org.id, req.params.projectId);
    const body = parseBody(mockCreateSchema, req.body);
    return reply.code(201).send({ data: wireMock(insertMock(ctx, p.id, body), 0) });
  });

  app.get<{ Params: { id: string } }>('/api/v1/mocks/:id', async (req) => {
    const { org } = scope(req);
    const m = requireMock(ctx, org.id, req.params.id);
    const responses = listResponses(ctx, m.id);
    return { data: { ...wireMock(m, responses.length), responses: responses.map(wireResponse) } };
  });

  app.put<{ Params: { id: string } }>('/api/v1/mocks/:id', async (req) => {
    const { org } = scope(req);
    const m = requireMock(ctx, org.id, req.params.id);
    const body = parseBody(mockUpdateSchema, req.body);
    const next = updateMock(ctx, m, body);
    return { data: wireMock(next, listResponses(ctx, m.id).length) };
  });

  app.delete<{ Params: { id: string } }>('/api/v1/mocks/:id', async (req) => {
    const { org } = scope(req);
    const m = requireMock(ctx, org.id, req.params.id);
    deleteMock(ctx, m);
    return { data: { mock_id: m.id, deleted: true } };
  });
}
