import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { EXECUTION_STATUSES } from '../../../../shared/models/pipeline';
import { AppError, parseInput } from '../../util/errors';
import type { Logger } from '../../util/logger';
import { redact, redactError } from '../../util/redact';
import { bodyOf } from './body';
import type { ManagementDeps } from './deps';
import { LoggedFailure } from './call';

type IdParams = { Params: { id: string } };

/** mockops-api.md §Error Responses: `{ error, message }` with these words per status. */
const ERROR_WORDS: Record<number, string> = {
  400: 'Invalid request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Invalid request',
};

function sendMockOpsError(reply: FastifyReply, status: number, message: string): FastifyReply {
  const error = ERROR_WORDS[status] ?? (status >= 500 ? 'Internal server error' : 'Invalid request');
  return reply.code(status).header('content-type', 'application/json; charset=utf-8').send({ error, message });
}

const one = (name: string) => z.string({ message: `${name} must be given once, as a single value` });
const int = (name: string, dflt: number, min: number, max: number) =>
  one(name)
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return dflt;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a whole number from ${min} to ${max}, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });
const bool = (name: string) =>
  one(name)
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return undefined;
      if (v === 'true') return true;
      if (v === 'false') return false;
      ctx.addIssue({ code: 'custom', message: `${name} must be true or false, got "${v}"` });
      return z.NEVER;
    });
const text = (name: string) => one(name).min(1).optional();

const listQuery = z.object({
  workspace_id: text('workspace_id'),
  org_id: text('org_id'),
  enabled: bool('enabled'),
  limit: int('limit', 50, 1, 500),
  offset: int('offset', 0, 0, Number.MAX_SAFE_INTEGER),
});

const executionsQuery = z.object({
  pipeline_id: text('pipeline_id'),
  status: one('status')
    .optional()
    .refine((v) => v === undefined || (EXECUTION_STATUSES as readonly string[]).includes(v), {
      message: `status must be one of ${EXECUTION_STATUSES.join(', ')}`,
    })
    .transform((v) => v as (typeof EXECUTION_STATUSES)[number] | undefined),
  limit: int('limit', 50, 1, 500),
  offset: int('offset', 0, 0, Number.MAX_SAFE_INTEGER),
});

const errorShapeFor = (logger: Logger) =>
  function handle(error: unknown, req: FastifyRequest, reply: FastifyReply): FastifyReply {
    if (error instanceof AppError && !(error instanceof LoggedFailure)) {
      const message =
        error.field && !error.message.includes(error.field) ? `${error.field}: ${error.message}` : error.message;
      return sendMockOpsError(reply, error.status, message);
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500)
      return sendMockOpsError(reply, status, (error as Error).message);
    if (!(error instanceof LoggedFailure)) {
      logger.error(`pipelines API ${req.method} ${redact(req.url)} failed (request ${req.id})`, {
        error: redactError(error),
      });
    }
    return sendMockOpsError(
      reply,
      500,
      `unexpected server error; the MockDeck log has the details under request ${req.id}`,
    );
  };

/**
 * The pipelines API of mockops-api.md §Pipelines at /api/v1/pipelines, with its own error
 * shape (`{ error: "Not found", message: "Pipeline not found" }`). Registered as a child
 * context of the management API: its token and body parser apply, its error handler stays here.
 */
export async function pipelineRoutes(
  app: FastifyInstance,
  opts: { deps: ManagementDeps; logger: Logger },
): Promise<void> {
  const { call } = opts.deps;
  app.setErrorHandler(errorShapeFor(opts.logger));

  app.post('/api/v1/pipelines', async (req) => call(req, 'pipelines.create', bodyOf(req) as never));
  app.get('/api/v1/pipelines', async (req) => call(req, 'pipelines.list', parseInput(listQuery, req.query)));
  // Static before parametric: find-my-way matches /executions before /:id whatever the order.
  app.get('/api/v1/pipelines/executions', async (req) =>
    call(req, 'pipelines.executions', parseInput(executionsQuery, req.query)),
  );
  app.get<IdParams>('/api/v1/pipelines/executions/:id', async (req) =>
    call(req, 'pipelines.execution', { id: req.params.id }),
  );
  app.get<IdParams>('/api/v1/pipelines/:id', async (req) => call(req, 'pipelines.get', { id: req.params.id }));
  app.patch<IdParams>('/api/v1/pipelines/:id', async (req) =>
    call(req, 'pipelines.update', { id: req.params.id, patch: bodyOf(req) as never }),
  );
  app.delete<IdParams>('/api/v1/pipelines/:id', async (req, reply) => {
    await call(req, 'pipelines.delete', { id: req.params.id });
    return reply.code(204).send();
  });
  app.post<IdParams>('/api/v1/pipelines/:id/trigger', async (req) => {
    const body = bodyOf(req) as { event?: unknown };
    return call(req, 'pipelines.trigger', {
      id: req.params.id,
      ...(body.event !== undefined ? { event: body.event as never } : {}),
    });
  });
  app.get<IdParams>('/api/v1/pipelines/:id/stats', async (req) => call(req, 'pipelines.stats', { id: req.params.id }));
  app.all('/api/v1/pipelines/*', (req, reply) =>
    sendMockOpsError(reply, 404, `no route ${req.method} ${req.url.split('?')[0]}`),
  );
}
