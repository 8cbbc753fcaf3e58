import { z } from 'zod';
import { currentSignal, sleepUnlessAborted } from '../util/cancellation';
import { cancelled } from '../util/errors';
import { CloudRequestError, errorFromBody } from './errors';
import { cloudErrorBodySchema } from './schemas';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

/** Supplies the bearer credential; `refresh` is tried once per request after a 401. */
export interface AuthProvider {
  bearer(): Promise<string | null>;
  /** True when a fresh credential is now stored. */
  refresh(): Promise<boolean>;
  /** Called when the cloud rejects the credential for good (refresh failed or impossible); returns what to tell the user. */
  rejected(): Promise<Error>;
}

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Longest single wait a 429 may impose before we give up and tell the user. */
  maxRateLimitWaitMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 250,
  maxDelayMs: 4_000,
  maxRateLimitWaitMs: 60_000,
};

export interface HttpOptions {
  baseUrl: () => string;
  auth: AuthProvider;
  orgId: () => string | null;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Aborted when the app closes: the request in flight stops and no retry follows. */
  signal?: AbortSignal;
}

export interface RequestSpec<S extends z.ZodType> {
  method: HttpMethod;
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  schema: S;
  /** Names the thing for error messages: "project", "API token". */
  what: string;
  /** Default true. */
  auth?: boolean;
  /** Safe to send twice. Default: every method but POST. */
  idempotent?: boolean;
  /** MockBird endpoints wrap results as `{ data: … }`. */
  envelope?: boolean;
  timeoutMs?: number;
  /** Caps the attempts below the retry policy's (a status check wants one quick answer). */
  maxAttempts?: number;
}

const OFFLINE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'EAI_NONAME',
]);

/** The one way the app talks to the cloud: auth, org header, timeouts, retries, error mapping, validation. */
export class CloudHttp {
  private readonly fetchFn: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly retry: RetryPolicy;
  private readonly timeoutMs: number;

  constructor(private readonly opts: HttpOptions) {
    this.fetchFn = opts.fetch ?? ((...a) => fetch(...a));
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.now = opts.now ?? Date.now;
    this.retry = { ...DEFAULT_RETRY, ...opts.retry };
    this.timeoutMs = opts.timeoutMs ?? 30_000;
  }

  /**
   * Sends one request (with its retries). When the call being served is cancelled
   * (util/cancellation.ts), no new attempt starts and an idempotent one in flight is
   * aborted: the request then ends with CANCELLED.
   */
  async request<S extends z.ZodType>(spec: RequestSpec<S>): Promise<z.output<S>> {
    const needsAuth = spec.auth !== false;
    const idempotent = spec.idempotent ?? spec.method !== 'POST';
    // Two reasons to stop: the call being served was cancelled (CANCELLED), or the app is
    // closing (the stop signal's own AbortError).
    const call = currentSignal();
    const stop = this.opts.signal;
    const signal = call && stop ? AbortSignal.any([call, stop]) : (call ?? stop);
    const wait = (ms: number) => sleepUnlessAborted(this.sleep, ms, signal);
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      stop?.throwIfAborted();
      if (call?.aborted) throw cancelled(`the request for ${spec.what}`);
      const last = attempt >= Math.min(spec.maxAttempts ?? Infinity, this.retry.maxAttempts);
      let res: Response;
      let text: string;
      try {
        // A cancelled call lets a create (POST) in flight finish: aborting it could leave a
        // remote item this machine never links, and the next sync would create it twice.
        // Only closing the app aborts it.
        res = await this.send(spec, needsAuth, idempotent ? signal : stop);
        text = await res.text();
      } catch (e) {
        stop?.throwIfAborted();
        if (call?.aborted) throw cancelled(`the request for ${spec.what}`);
        const err = networkError(e, spec.what);
        if (err.uncertain && idempotent && !last) {
          await wait(this.backoff(attempt));
          continue;
        }
        throw err;
      }
      if (res.status === 401 && needsAuth) {
        if (!refreshed && (await this.opts.auth.refresh())) {
          refreshed = true;
          attempt--;
          continue;
        }
        throw await this.opts.auth.rejected();
      }
      if (res.status === 429) {
        const pause = this.rateLimitWait(res, attempt);
        if (!last && pause <= this.retry.maxRateLimitWaitMs) {
          await wait(pause);
          continue;
        }
        throw errorFromBody(429, parseError(text), spec.what, Math.ceil(pause / 1000));
      }
      if (res.status >= 500) {
        if (idempotent && !last) {
          await wait(this.backoff(attempt));
          continue;
        }
        const err = errorFromBody(res.status, parseError(text), spec.what);
        // A 5xx on a write does not prove the write did not happen.
        err.info.uncertain = spec.method !== 'GET';
        throw err;
      }
      if (!res.ok) throw errorFromBody(res.status, parseError(text), spec.what);
      return this.parse(spec, res.status, text);
    }
  }

  private async send<S extends z.ZodType>(
    spec: RequestSpec<S>,
    needsAuth: boolean,
    cancel: AbortSignal | undefined,
  ): Promise<Response> {
    const url = new URL(spec.path, this.opts.baseUrl());
    for (const [k, v] of Object.entries(spec.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { accept: 'application/json' };
    if (spec.body !== undefined) headers['content-type'] = 'application/json';
    if (needsAuth) {
      const bearer = await this.opts.auth.bearer();
      if (!bearer) {
        throw new CloudRequestError('UNAUTHORIZED', 'You are not signed in to the cloud.', {
          hint: 'Sign in first (mockdeck cloud login, or Account → Sign in).',
        });
      }
      headers.authorization = `Bearer ${bearer}`;
      const org = this.opts.orgId();
      if (org) headers['x-org-id'] = org;
    }
    const timeout = AbortSignal.timeout(spec.timeoutMs ?? this.timeoutMs);
    const init: RequestInit = {
      method: spec.method,
      headers,
      signal: cancel ? AbortSignal.any([timeout, cancel]) : timeout,
    };
    if (spec.body !== undefined) init.body = JSON.stringify(spec.body);
    return this.fetchFn(url, init);
  }

  private parse<S extends z.ZodType>(spec: RequestSpec<S>, status: number, text: string): z.output<S> {
    let json: unknown = undefined;
    if (text.length > 0) {
      try {
        json = JSON.parse(text);
      } catch {
        throw new CloudRequestError(
          'CLOUD_ERROR',
          `The cloud answered ${spec.what} with something that is not JSON (HTTP ${status}).`,
          {
            status,
            hint: 'Check the cloud base URL in settings: it should point at the MockForge API.',
          },
        );
      }
    }
    const direct = spec.schema.safeParse(json);
    if (direct.success) return direct.data;
    if (spec.envelope && json && typeof json === 'object' && 'data' in json) {
      const inner = spec.schema.safeParse((json as { data: unknown }).data);
      if (inner.success) return inner.data;
      throw badShape(spec.what, inner.error);
    }
    throw badShape(spec.what, direct.error);
  }

  private backoff(attempt: number): number {
    const exp = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(exp / 2 + Math.random() * (exp / 2));
  }

  /** Retry-After (seconds or a date) first, then X-RateLimit-Reset (epoch seconds), then backoff. */
  private rateLimitWait(res: Response, attempt: number): number {
    const ra = res.headers.get('retry-after');
    if (ra) {
      const secs = Number(ra);
      if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
      const at = Date.parse(ra);
      if (Number.isFinite(at)) return Math.max(0, at - this.now());
    }
    const reset = Number(res.headers.get('x-ratelimit-reset'));
    if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - this.now());
    return this.backoff(attempt);
  }
}

function parseError(text: string) {
  try {
    const r = cloudErrorBodySchema.safeParse(JSON.parse(text));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

function badShape(what: string, error: z.ZodError): CloudRequestError {
  const issue = error.issues[0];
  const where = issue?.path.join('.') || 'body';
  return new CloudRequestError(
    'CLOUD_ERROR',
    `The cloud's answer for ${what} is not what MockDeck expects (${where}: ${issue?.message ?? 'invalid'}).`,
    {
      hint: 'Check the cloud base URL, or update MockDeck.',
    },
  );
}

/** Sorts a fetch failure into "never reached the server" (OFFLINE) and "outcome unknown". */
export function networkError(e: unknown, what: string): CloudRequestError {
  if (e instanceof CloudRequestError) return e;
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') {
    return new CloudRequestError('CLOUD_ERROR', `The cloud did not answer in time (${what}).`, {
      uncertain: true,
      retryable: true,
      hint: 'Check your connection and try again; sync resumes where it stopped.',
      cause: e,
    });
  }
  const code = err?.cause?.code ?? '';
  if (OFFLINE_CODES.has(code)) {
    return new CloudRequestError(
      'OFFLINE',
      `Cannot reach the cloud (${code === 'ECONNREFUSED' ? 'connection refused' : 'host not found'}).`,
      {
        retryable: true,
        hint: 'You seem to be offline or the cloud URL is wrong. Local work is kept; sync again when you are back online.',
        cause: e,
      },
    );
  }
  return new CloudRequestError('CLOUD_ERROR', `The connection to the cloud broke during ${what}.`, {
    uncertain: true,
    retryable: true,
    hint: 'Try again; sync resumes where it stopped without duplicating anything.',
    cause: e,
  });
}
