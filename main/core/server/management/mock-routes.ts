import type { FastifyInstance } from 'fastify';
import { mockUpdateSchema, type MockWritten, type RouteWarning } from '../../../../shared/models';
import { toWireMock, toWireResponse } from '../../../../shared/wire/mockbird';
import { parseInput } from '../../util/errors';
import { bodyOf } from './body';
import type { ManagementDeps } from './deps';

type IdParams = { Params: { id: string } };

/** docs/reference/mockbird-api.md §4 (the list and create routes live under /projects/:id/mocks). */
export function mockRoutes(app: FastifyInstance, { call }: ManagementDeps): void {
  const responseCount = async (req: Parameters<typeof call>[0], mockId: string): Promise<number> =>
    (await call(req, 'responses.list', { mockId })).length;

  app.get<IdParams>('/mocks/:id', async (req) => {
    const { responses, ...mock } = await call(req, 'mocks.get', { id: req.params.id });
    return { data: { ...toWireMock(mock, responses.length), responses: responses.map(toWireResponse) } };
  });

  app.put<IdParams>('/mocks/:id', async (req) => {
    const patch = parseInput(mockUpdateSchema, bodyOf(req));
    const mock = await call(req, 'mocks.update', { id: req.params.id, patch });
    return { data: toWireMock(mock, await responseCount(req, mock.id)), ...warningsOf(mock) };
  });

  app.delete<IdParams>('/mocks/:id', async (req) => {
    await call(req, 'mocks.delete', { id: req.params.id });
    return { message: 'Mock deleted' };
  });

  app.post<IdParams>('/mocks/:id/duplicate', async (req, reply) => {
    const clone = await call(req, 'mocks.duplicate', { id: req.params.id });
    return reply.code(201).send({ data: toWireMock(clone, await responseCount(req, clone.id)), ...warningsOf(clone) });
  });
}

/**
 * Route shadowing (docs/routes.md) beside the spec's `data`: the envelope has room for it,
 * and a client that knows only mockbird-api.md reads `data` as before.
 */
export const warningsOf = (m: MockWritten): { warnings?: RouteWarning[] } =>
  m.warnings ? { warnings: m.warnings } : {};
