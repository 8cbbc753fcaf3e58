import type { FastifyInstance } from 'fastify';
import { responseCreateSchema, responseUpdateSchema } from '../../../../shared/models';
import { toWireResponse } from '../../../../shared/wire/mockbird';
import { parseInput } from '../../util/errors';
import { bodyOf } from './body';
import type { ManagementDeps } from './deps';

type MockParams = { Params: { id: string } };
type ResponseParams = { Params: { id: string; responseId: string } };

/** docs/reference/mockbird-api.md §5. isDefault: true unsets the previous default (the catalog's rule). */
export function responseRoutes(app: FastifyInstance, { call }: ManagementDeps): void {
  app.get<MockParams>('/mocks/:id/responses', async (req) => {
    return { data: (await call(req, 'responses.list', { mockId: req.params.id })).map(toWireResponse) };
  });

  app.post<MockParams>('/mocks/:id/responses', async (req, reply) => {
    const response = parseInput(responseCreateSchema, bodyOf(req));
    const created = await call(req, 'responses.create', { mockId: req.params.id, response });
    return reply.code(201).send({ data: toWireResponse(created) });
  });

  app.put<ResponseParams>('/mocks/:id/responses/:responseId', async (req) => {
    const patch = parseInput(responseUpdateSchema, bodyOf(req));
    const { id: mockId, responseId: id } = req.params;
    return { data: toWireResponse(await call(req, 'responses.update', { mockId, id, patch })) };
  });

  app.delete<ResponseParams>('/mocks/:id/responses/:responseId', async (req) => {
    await call(req, 'responses.delete', { mockId: req.params.id, id: req.params.responseId });
    return { message: 'Response deleted' };
  });
}
