import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { WireError } from '../../../../shared/wire/mockbird';
import { AppError } from '../../util/errors';

/** Extra advice for fields users commonly get wrong. */
const FIELD_HINTS: Record<string, string> = {
  body: 'the response body is a string: serialize JSON first, e.g. "body": JSON.stringify({ users: [] })',
  headers: 'headers is an object of name → string value, e.g. {"X-Custom": "value"}',
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
 * bad content length…) become 4xx in the same shape. Anything else is our bug: 500, logged.
 */
export function managementErrorHandler(error: unknown, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof AppError) {
    if (error.status >= 500) req.log.error({ err: error }, 'management API error');
    return sendError(reply, error.status, toWireError(error));
  }
  if (isFastifyError(error) && error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    const code = error.statusCode === 413 ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_ERROR';
    return sendError(reply, error.statusCode, { error: code, message: error.message });
  }
  req.log.error({ err: error }, 'management API failure');
  return sendError(reply, 500, { error: 'INTERNAL_ERROR', message: 'unexpected server error; see the MockDeck log' });
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
