import type { FastifyRequest } from 'fastify';
import type { ContractCaller } from '../../../../shared/ipc/contract';
import type { AppErrorShape } from '../../../../shared/ipc/result';
import { AppError } from '../../util/errors';
import type { ManagementDeps } from './deps';

/**
 * An INTERNAL_ERROR the router already logged (with this request's id): the error handler
 * answers it without logging it twice.
 */
export class LoggedFailure extends AppError {}

/** The routes' `call`: a failed Result becomes an AppError, which the error handler puts on the wire. */
export function restCalls(api: ContractCaller): ManagementDeps {
  return {
    async call(req: FastifyRequest, name, input, opts) {
      const r = await api.call(name, input, {
        transport: 'rest',
        requestId: req.id,
        ...(opts?.signal ? { signal: opts.signal } : {}),
      });
      if (r.ok) return r.value;
      throw fromShape(r.error);
    },
  };
}

function fromShape(shape: AppErrorShape): AppError {
  const e = AppError.fromShape(shape);
  return shape.code === 'INTERNAL_ERROR' ? new LoggedFailure(e.code, e.message) : e;
}
