import type { FastifyInstance } from 'fastify';
import { responseCreateSchema, responseUpdateSchema } from '../../../../shared/models';
import { previewOptionsSchema } from '../../../../shared/ipc/templating';
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

  /**
   * MockDeck's own route (not in MockBird): the response rendered for a sample request.
   * A broken template is the stored response's problem, not the request's: 422 TEMPLATE_ERROR
   * with the line, in the API's error shape (docs/templating.md).
   */
  app.post<ResponseParams>('/mocks/:id/responses/:responseId/preview', async (req, reply) => {
    const options = parseInput(previewOptionsSchema, bodyOf(req));
    const { id: mockId, responseId } = req.params;
    const preview = await call(req, 'responses.preview', { ...options, mockId, responseId });
    if (preview.ok) return { data: { body: preview.body, headers: preview.headers, request: preview.request } };
    return reply.code(422).send({
      error: 'TEMPLATE_ERROR',
      message: preview.error.message,
      line: preview.error.line,
      hint: 'fix the template in the response body or headers: until then the mock answers this error as a 500',
    });
  });
}
