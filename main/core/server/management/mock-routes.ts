import type { FastifyInstance } from 'fastify';
import { toWireMock, toWireResponse } from '../../../../shared/wire/mockbird';
import { bodyOf } from './body';
import type { ManagementDeps } from './deps';

type IdParams = { Params: { id: string } };

/** docs/reference/mockbird-api.md §4 (the list and create routes live under /projects/:id/mocks). */
export function mockRoutes(app: FastifyInstance, { catalog, store }: ManagementDeps): void {
  const responseCount = (mockId: string): number => store.responses.listByMock(mockId).length;

  app.get<IdParams>('/mocks/:id', async (req) => {
    const { responses, ...mock } = catalog.mocks.get(req.params.id);
    return { data: { ...toWireMock(mock, responses.length), responses: responses.map(toWireResponse) } };
  });

  app.put<IdParams>('/mocks/:id', async (req) => {
    const mock = catalog.mocks.update(req.params.id, bodyOf(req));
    return { data: toWireMock(mock, responseCount(mock.id)) };
  });

  app.delete<IdParams>('/mocks/:id', async (req) => {
    catalog.mocks.delete(req.params.id);
    return { message: 'Mock deleted' };
  });

  app.post<IdParams>('/mocks/:id/duplicate', async (req, reply) => {
    const clone = catalog.mocks.duplicate(req.params.id);
    return reply.code(201).send({ data: toWireMock(clone, responseCount(clone.id)) });
  });
}
