import type { FastifyReply } from 'fastify';
import type { z } from 'zod';

/** The body every error carries (docs/reference/mockforge-cloud-api.md "Error Handling"). */
export interface CloudErrorBody {
  error: string;
  error_code: string;
  status: number;
  details: Record<string, unknown>;
}

/** Thrown by handlers; the app's error handler turns it into a CloudErrorBody. */
export class CloudError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'CloudError';
  }

  body(): CloudErrorBody {
    return { error: this.message, error_code: this.code, status: this.status, details: this.details };
  }
}

export const authRequired = (message = 'Authentication required', details: Record<string, unknown> = {}): CloudError =>
  new CloudError(401, 'AUTH_REQUIRED', message, {
    hint: 'Send Authorization: Bearer <jwt> or Bearer mfx_<token>',
    ...details,
  });

export const permissionDenied = (message: string, details: Record<string, unknown> = {}): CloudError =>
  new CloudError(403, 'PERMISSION_DENIED', message, details);

export const notFound = (code: string, resource: string, id: string): CloudError =>
  new CloudError(404, code, `${resource} not found`, {
    resource,
    id,
    hint: `Check that the ${resource} id is correct`,
  });

export const conflict = (message: string, details: Record<string, unknown>): CloudError =>
  new CloudError(409, 'CONFLICT', message, details);

export const resourceLimit = (message: string, details: Record<string, unknown>): CloudError =>
  new CloudError(403, 'RESOURCE_LIMIT_EXCEEDED', message, details);

export function sendError(reply: FastifyReply, err: CloudError): FastifyReply {
  for (const [k, v] of Object.entries(err.headers)) reply.header(k, v);
  return reply.code(err.status).type('application/json; charset=utf-8').send(err.body());
}

/** One readable message naming the first bad field, plus every issue in details. */
export function validationFailed(error: z.ZodError): CloudError {
  const issues = error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));
  const first = issues[0];
  const message = first
    ? first.field
      ? `${first.field}: ${first.message}`
      : first.message
    : 'Input validation failed';
  const details: Record<string, unknown> = { issues };
  if (first?.field) details.field = first.field;
  return new CloudError(400, 'VALIDATION_FAILED', message, details);
}

export function parseBody<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input ?? {});
  if (!r.success) throw validationFailed(r.error);
  return r.data;
}
