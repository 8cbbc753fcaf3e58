import type { z } from 'zod';
import type { AppErrorShape, ErrorCode } from '../../../shared/ipc/result';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION_ERROR: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNAUTHORIZED: 401,
  PORT_IN_USE: 409,
  SERVER_ERROR: 500,
  CLOUD_ERROR: 502,
  OFFLINE: 503,
  KEYCHAIN_UNAVAILABLE: 503,
  INTERNAL_ERROR: 500,
  FORBIDDEN: 403,
  // nginx's "client closed request": the caller gave up, so nobody reads this status anyway.
  CANCELLED: 499,
  // A precondition the user fixes in settings, like a missing field.
  AI_NOT_CONFIGURED: 400,
  AI_LIMIT_REACHED: 429,
  AI_PROVIDER_ERROR: 502,
  AI_TIMEOUT: 504,
};

/** An error meant for the user: it names the problem and, where it can, the fix. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, opts: { field?: string; hint?: string; cause?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.field = opts.field;
    this.hint = opts.hint;
  }

  get status(): number {
    return STATUS[this.code];
  }

  /** The error again from its shape, e.g. a failed Result a transport turns back into a throw. */
  static fromShape(shape: AppErrorShape): AppError {
    const opts: { field?: string; hint?: string } = {};
    if (shape.field !== undefined) opts.field = shape.field;
    if (shape.hint !== undefined) opts.hint = shape.hint;
    return new AppError(shape.code, shape.message, opts);
  }

  toShape(): AppErrorShape {
    const shape: AppErrorShape = { code: this.code, message: this.message };
    if (this.field !== undefined) shape.field = this.field;
    if (this.hint !== undefined) shape.hint = this.hint;
    return shape;
  }
}

export const notFound = (what: string, id: string): AppError =>
  new AppError('NOT_FOUND', `${what} "${id}" does not exist`, { hint: `check the ${what.toLowerCase()} id` });

/** Turns a zod failure into one readable message naming the first bad field. */
export function fromZodError(error: z.ZodError, prefix = '', input?: unknown): AppError {
  const issue = error.issues[0];
  const field = [prefix, ...(issue?.path ?? []).map(String)].filter(Boolean).join('.');
  const missing = issue !== undefined && valueAt(input, issue.path) === undefined;
  const message = issue ? issueMessage(issue, field, missing) : 'invalid input';
  const opts: { field?: string } = {};
  if (field) opts.field = field;
  return new AppError('VALIDATION_ERROR', message, opts);
}

// zod 4 issues do not carry the offending value, so look it up to tell "missing" from "wrong".
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function issueMessage(issue: z.core.$ZodIssue, field: string, missing: boolean): string {
  const where = field || 'input';
  if (issue.code === 'invalid_type' && missing) return `${where} is required`;
  if (issue.code === 'unrecognized_keys')
    return `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
  // Messages written in the schemas already name their field; zod's defaults do not.
  const text = issue.message;
  return text.toLowerCase().includes(where.split('.').pop()!.toLowerCase()) ? text : `${where}: ${text}`;
}

/** Parses `input` with `schema`, throwing a VALIDATION_ERROR AppError on failure. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw fromZodError(r.error, prefix, input);
  return r.data;
}

/** The error a cancelled call ends with; `what` names the work, e.g. "the sync". */
export const cancelled = (what: string): AppError =>
  new AppError('CANCELLED', `${what} was cancelled`, {
    hint: 'run it again when you want: what finished before the cancel is kept, nothing is half-written',
  });

/** Throws CANCELLED when `signal` was aborted: long work checks it between steps. */
export function throwIfCancelled(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted) throw cancelled(what);
}

export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  return new AppError('INTERNAL_ERROR', e instanceof Error ? e.message : String(e), { cause: e });
}
