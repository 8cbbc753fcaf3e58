import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../util/errors';
import type { Logger } from '../../util/logger';
import { redact, redactError } from '../../util/redact';
import { LoggedFailure } from './call';

/**
 * The error shape of mockops-api.md §Error Responses — `{"error": "Invalid request",
 * "message": "…"}` — for the routes under /api/v1 (federations; pipelines use it too). The
 * `error` word comes from the status as the document spells it; the message names the field
 * and the fix, as MockDeck's own messages do.
 */
const WORDS: Record<number, string> = {
  400: 'Invalid request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Payload too large',
  500: 'Internal server error',
};

export interface MockOpsError {
  error: string;
  message: string;
}

const wordFor = (status: number): string => WORDS[status] ?? (status >= 500 ? WORDS[500]! : WORDS[400]!);

export function sendMockOpsError(reply: FastifyReply, status: number, message: string): FastifyReply {
  const body: MockOpsError = { error: wordFor(status), message };
  return reply.code(status).header('content-type', 'application/json; charset=utf-8').send(body);
}

/** The message with the field and hint folded in: the documented shape has no room for them. */
function messageOf(e: AppError): string {
  const field = e.field && !e.message.includes(e.field) ? ` (field: ${e.field})` : '';
  return `${e.message}${field}${e.hint ? `; ${e.hint}` : ''}`;
}

const isFastifyError = (e: unknown): e is FastifyError =>
  e instanceof Error && typeof (e as Partial<FastifyError>).statusCode === 'number';

/** Installs the MockOps error shape on `app` (a child context: the rest of the management API keeps its own). */
export function useMockOpsErrors(app: FastifyInstance, logger: Logger): void {
  app.setErrorHandler((error: unknown, req: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError && error.status < 500) return sendMockOpsError(reply, error.status, messageOf(error));
    if (isFastifyError(error) && error.statusCode !== undefined && error.statusCode < 500) {
      return sendMockOpsError(reply, error.statusCode, error.message);
    }
    if (!(error instanceof LoggedFailure)) {
      logger.error(`management API ${req.method} ${redact(req.url)} failed (request ${req.id})`, {
        requestId: req.id,
        error: redactError(error),
      });
    }
    return sendMockOpsError(
      reply,
      500,
      `unexpected server error; the MockDeck log has the details under request ${req.id}`,
    );
  });
}

/** A path under /api/v1 no route serves: 404 in the same shape. */
export function mockOpsNotFound(req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const path = req.url.split('?')[0] ?? req.url;
  return sendMockOpsError(reply, 404, `no route ${req.method} ${path} (see docs/reference/mockops-api.md)`);
}
