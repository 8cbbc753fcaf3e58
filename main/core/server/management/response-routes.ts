import type { FastifyInstance } from 'fastify';
import { toWireResponse } from '../../../../shared/wire/mockbird';
import { bodyOf } from './body';
import type { ManagementDeps } from './deps';

type MockParams = { Params: { id: string } };
type ResponseParams = { Params: { id: string; responseId: string } };

/** docs/reference/mockbird-api.md §5. isDefault: true unsets the previous default (the catalog's rule). */
export function responseRoutes(app: FastifyInstance, { catalog }: ManagementDeps): void {
  app.get<MockParams>('/mocks/:id/responses', async (req) => {
    return { data: catalog.responses.list(req.params.id).map(toWireResponse) };
  });

  app.post<MockParams>('/mocks/:id/responses', async (req, reply) => {
    const response = catalog.responses.create(req.params.id, bodyOf(req));
    return reply.code(201).send({ data: toWireResponse(response) });
  });

  app.put<ResponseParams>('/mocks/:id/responses/:responseId', async (req) => {
    return { data: toWireResponse(catalog.responses.update(req.params.id, req.params.responseId, bodyOf(req))) };
  });

  app.delete<ResponseParams>('/mocks/:id/responses/:responseId', async (req) => {
    catalog.responses.delete(req.params.id, req.params.responseId);
    return { message: 'Response deleted' };
  });
}
