import type { AppErrorShape, ErrorCode, Result } from '../../../shared/ipc/result';

/**
 * What a failed call rejects with, whatever the transport: an Error (so stack traces and
 * `instanceof Error` work) that carries the whole AppErrorShape, both spread on the error
 * and whole under `appError`.
 */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly hint: string | undefined;
  readonly appError: AppErrorShape;

  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
    this.code = shape.code;
    this.field = shape.field;
    this.hint = shape.hint;
    this.appError = shape;
  }
}

/** The value of an ok Result, or an ApiError thrown for a failed one. */
export function unwrapResult(result: Result<unknown>): unknown {
  if (result.ok) return result.value;
  throw new ApiError(result.error);
}

/** What a call cancelled before it reached main rejects with: the same CANCELLED main answers. */
export const cancelledBeforeSent = (): ApiError =>
  new ApiError({ code: 'CANCELLED', message: 'the call was cancelled before it was sent' });
