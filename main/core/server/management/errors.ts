import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { WireError } from '../../../../shared/wire/mockbird';
import { AppError } from '../../util/errors';
import type { Logger } from '../../util/logger';
import { redact, redactError, redactHeaders } from '../../util/redact';
import { LoggedFailure } from './call';

/** Every management response carries it; a 500's body and its log line carry it too. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** Extra advice for fields users commonly get wrong. */
const FIELD_HINTS: Record<string, string> = {
  body: 'the response body is a string: serialize JSON first, e.g. "body": JSON.stringify({ users: [] })',
  headers:
    'headers is an object of name → string value, or → a list of strings for a header sent on several lines, e.g. {"X-Custom": "value", "Set-Cookie": ["a=1", "b=2"]}',
  method: 'use GET, POST, PUT, DELETE or PATCH',
  conditions: 'conditions is an array of {type, field, operator, value}',
};

export function sendError(reply: FastifyReply, status: number, body: WireError): FastifyReply {
  return reply.code(status).header('content-type', 'application/json; charset=utf-8').send(body);
}

export function toWireError(e: AppError): WireError {
  const body: WireError = { error: e.code, message: e.message };
  if (e.field !== undefined) body.field = e.field;
  const hint = e.hint ?? (e.code === 'VALIDATION_ERROR' && e.field ? hintFor(e.field) : undefined);
  if (hint !== undefined) body.hint = hint;
  return body;
}

function hintFor(field: string): string | undefined {
  const parts = field.split('.');
  // "conditions.0.value" → the condition hint; "body" → the body hint.
  return FIELD_HINTS[parts[0] ?? ''] ?? FIELD_HINTS[parts[parts.length - 1] ?? ''];
}

const isFastifyError = (e: unknown): e is FastifyError =>
  e instanceof Error && typeof (e as Partial<FastifyError>).statusCode === 'number';

/**
 * AppErrors keep their status and shape; fastify's own client errors (body too large,
 * bad content length…) become 4xx in the same shape. Anything else is our bug: it is logged
 * (secrets masked) under the request's id, and the 500 names that id so a user can report it.
 */
export function managementErrorHandler(logger: Logger) {
  return function handleError(error: unknown, req: FastifyRequest, reply: FastifyReply): FastifyReply {
    if (error instanceof AppError && error.status < 500) return sendError(reply, error.status, toWireError(error));
    if (isFastifyError(error) && error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      const code = error.statusCode === 413 ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_ERROR';
      return sendError(reply, error.statusCode, { error: code, message: error.message });
    }
    if (!(error instanceof LoggedFailure)) {
      logger.error(`management API ${req.method} ${redact(req.url)} failed (request ${req.id})`, {
        requestId: req.id,
        headers: redactHeaders(req.headers),
        error: redactError(error),
      });
    }
    // A user-facing AppError (SERVER_ERROR, CLOUD_ERROR…) keeps its words; a bug says where to look.
    const body =
      error instanceof AppError && !(error instanceof LoggedFailure)
        ? toWireError(error)
        : {
            error: 'INTERNAL_ERROR',
            message: `unexpected server error; the MockDeck log has the details under request ${req.id}`,
          };
    const status = error instanceof AppError ? error.status : 500;
    return sendError(reply, status, { ...body, requestId: req.id });
  };
}

export function sendNotFound(req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const path = req.url.split('?')[0] ?? req.url;
  return sendError(reply, 404, {
    error: 'NOT_FOUND',
    message: `no route ${req.method} ${path}`,
    hint: 'see the management API reference: /projects, /projects/:id, /mocks/:id, /mocks/:id/responses, /mocks/:id/request-logs',
  });
}

/**
 * For the owner of the main listener: a 404 handler that answers in the management API's
 * JSON error shape (setNotFoundHandler can be set only once per prefix, so it is not set here).
 */
export const managementNotFound = sendNotFound;
