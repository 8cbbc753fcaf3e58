import type { ErrorCode } from '../../../shared/ipc/result';
import { AppError } from '../util/errors';
import { redact } from '../util/redact';
import type { CloudErrorBody } from './schemas';

/**
 * A failed cloud request. `uncertain` means the server may have applied a write before the
 * answer was lost (timeout, dropped connection): sync re-reads before repeating a create.
 */
export class CloudRequestError extends AppError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly info: {
      status?: number;
      cloudCode?: string;
      uncertain?: boolean;
      retryable?: boolean;
      hint?: string;
      field?: string;
      cause?: unknown;
      /** The error body's `details` (e.g. a 403's reason), for callers that explain it further. */
      details?: Record<string, unknown>;
    },
  ) {
    const opts: { hint?: string; field?: string; cause?: unknown } = { cause: info.cause };
    if (info.hint) opts.hint = redact(info.hint);
    if (info.field) opts.field = info.field;
    super(code, redact(message), opts);
  }

  get uncertain(): boolean {
    return this.info.uncertain === true;
  }

  /** Worth trying again later: network trouble, 5xx, 429. */
  get transient(): boolean {
    return this.info.retryable === true;
  }
}

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.length > 0 ? v : typeof v === 'number' ? String(v) : undefined;

/** Turns the documented error body into an AppError whose message says what to do. */
export function errorFromBody(
  status: number,
  body: CloudErrorBody | undefined,
  what: string,
  retryAfterSeconds?: number,
): CloudRequestError {
  const d = body?.details ?? {};
  const code = body?.error_code ?? (body && /^[A-Z_]+$/.test(body.error) ? body.error : undefined);
  const text = body ? (body.error_code ? body.error : (body.message ?? body.error)) : `HTTP ${status}`;
  const hint = str(d.hint) ?? body?.hint;
  const base = { status, cloudCode: code, details: d, ...(hint ? { hint } : {}) };

  if (code === 'VALIDATION_FAILED' || code === 'VALIDATION_ERROR' || status === 400) {
    const field = str(d.field) ?? body?.field;
    return new CloudRequestError('VALIDATION_ERROR', `The cloud rejected ${what}: ${text}`, {
      ...base,
      ...(field ? { field } : {}),
      hint: hint ?? (field ? `correct "${field}" and try again` : 'correct the input and try again'),
    });
  }
  if (code === 'RESOURCE_LIMIT_EXCEEDED') {
    const limit = str(d.limit) ?? str(d.resource) ?? 'a plan limit';
    const used = str(d.current) ?? str(d.used);
    const max = str(d.max) ?? str(d.limit_value) ?? str(d.allowed);
    const counts = used && max ? ` (${used} of ${max} used)` : max ? ` (limit ${max})` : '';
    return new CloudRequestError('CLOUD_ERROR', `Your plan's limit on ${limit} is reached${counts}: ${text}`, {
      ...base,
      hint: `Upgrade your plan, or delete some ${str(d.resource) ?? 'items'} you no longer need, then try again.`,
    });
  }
  if (status === 401 || code === 'AUTH_REQUIRED') {
    return new CloudRequestError('UNAUTHORIZED', `The cloud did not accept your sign-in: ${text}`, {
      ...base,
      hint: 'Sign in again (mockdeck cloud login, or Account → Sign in).',
    });
  }
  if (status === 429 || code === 'RATE_LIMIT_EXCEEDED' || code === 'ACCOUNT_LOCKED' || /lock/i.test(text)) {
    const wait = retryAfterSeconds ?? numberish(d.retry_after) ?? numberish(d.retry_after_seconds);
    const when = lockedUntil(d) ?? (wait !== undefined ? `in ${Math.ceil(wait)} s` : 'in a few minutes');
    const locked = code === 'ACCOUNT_LOCKED' || d.locked === true || /lock/i.test(text);
    return new CloudRequestError(
      'CLOUD_ERROR',
      locked
        ? `Sign-in is locked after too many failed attempts: ${text}`
        : `The cloud is rate limiting requests: ${text}`,
      {
        ...base,
        retryable: !locked,
        hint: `Try again ${when}.`,
      },
    );
  }
  if (status === 403) {
    return new CloudRequestError('CLOUD_ERROR', `The cloud refused ${what}: ${text}`, {
      ...base,
      hint:
        hint ?? 'Check that the selected organization is right and that you have the needed role, or ask an org admin.',
    });
  }
  if (status === 404) return new CloudRequestError('NOT_FOUND', `The cloud has no such ${what}: ${text}`, base);
  if (status === 409)
    return new CloudRequestError('CONFLICT', `The cloud already has this ${what}: ${text}`, {
      ...base,
      hint: hint ?? 'choose another name or slug',
    });
  if (status >= 500) {
    return new CloudRequestError(
      'CLOUD_ERROR',
      `The cloud had an internal problem with ${what} (HTTP ${status}): ${text}`,
      {
        ...base,
        retryable: true,
        hint: 'Nothing was lost locally. Try again in a minute.',
      },
    );
  }
  return new CloudRequestError('CLOUD_ERROR', `The cloud refused ${what} (HTTP ${status}): ${text}`, base);
}

function numberish(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

function lockedUntil(d: Record<string, unknown>): string | undefined {
  const until = str(d.unlocks_at) ?? str(d.locked_until) ?? str(d.retry_at);
  if (!until) return undefined;
  const t = Date.parse(until);
  return Number.isFinite(t) ? `after ${new Date(t).toISOString()}` : undefined;
}
