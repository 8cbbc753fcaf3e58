import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CloudRequestError } from '../../../main/core/cloud/errors';
import { CloudHttp, type AuthProvider } from '../../../main/core/cloud/http';

type Reply = Response | Error;

/** A scripted network: each request takes the next reply; records what was sent. */
function network(replies: Reply[]) {
  const sent: { method: string; url: string; headers: Record<string, string> }[] = [];
  const fetchFn = (async (input: URL | RequestInfo, init?: RequestInit) => {
    sent.push({
      method: init?.method ?? 'GET',
      url: String(input),
      headers: (init?.headers ?? {}) as Record<string, string>,
    });
    const r = replies.shift();
    if (!r) throw new Error('no more scripted replies');
    if (r instanceof Error) throw r;
    return r;
  }) as typeof fetch;
  return { sent, fetchFn };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const cloudError = (
  status: number,
  code: string,
  error: string,
  details: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) => json(status, { error, error_code: code, status, details }, headers);
const refused = () => Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
const reset = () => Object.assign(new TypeError('fetch failed'), { cause: { code: 'UND_ERR_SOCKET' } });

function auth(opts: { refreshOk?: boolean } = {}) {
  const state = { token: 'eyJold.a.b', refreshes: 0, rejected: 0 };
  const provider: AuthProvider = {
    bearer: async () => state.token,
    refresh: async () => {
      state.refreshes++;
      if (opts.refreshOk === false) return false;
      state.token = 'eyJnew.a.b';
      return true;
    },
    rejected: async () => {
      state.rejected++;
      return new CloudRequestError('UNAUTHORIZED', 'Your cloud session has expired or was revoked.', {
        hint: 'Sign in again.',
      });
    },
  };
  return { state, provider };
}

function client(replies: Reply[], a = auth(), now = 1_700_000_000_000) {
  const net = network(replies);
  const waits: number[] = [];
  const http = new CloudHttp({
    baseUrl: () => 'https://cloud.example',
    auth: a.provider,
    orgId: () => 'org-1',
    fetch: net.fetchFn,
    sleep: async (ms) => void waits.push(ms),
    now: () => now,
    retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000, maxRateLimitWaitMs: 30_000 },
  });
  return { http, net, waits, auth: a };
}

const ok = z.object({ ok: z.boolean() });
const get = { method: 'GET' as const, path: '/api/v1/x', schema: ok, what: 'thing' };
const post = { method: 'POST' as const, path: '/api/v1/x', schema: ok, what: 'thing', body: { a: 1 } };

describe('CloudHttp', () => {
  it('sends the bearer and X-Org-Id, and validates the answer', async () => {
    const c = client([json(200, { ok: true })]);
    expect(await c.http.request(get)).toEqual({ ok: true });
    expect(c.net.sent[0]!.headers).toMatchObject({ authorization: 'Bearer eyJold.a.b', 'x-org-id': 'org-1' });
    const bad = client([json(200, { nope: 1 })]);
    await expect(bad.http.request(get)).rejects.toMatchObject({
      code: 'CLOUD_ERROR',
      message: expect.stringMatching(/not what MockDeck expects/),
    });
  });

  it('unwraps MockBird { data } envelopes', async () => {
    const c = client([json(200, { data: { ok: true } })]);
    expect(await c.http.request({ ...get, envelope: true })).toEqual({ ok: true });
  });

  it('on 401 refreshes exactly once and retries with the new token', async () => {
    const c = client([cloudError(401, 'AUTH_REQUIRED', 'JWT has expired'), json(200, { ok: true })]);
    expect(await c.http.request(get)).toEqual({ ok: true });
    expect(c.auth.state.refreshes).toBe(1);
    expect(c.net.sent[1]!.headers.authorization).toBe('Bearer eyJnew.a.b');
  });

  it('a second 401 after refreshing means "sign in again", and the session is dropped', async () => {
    const c = client([cloudError(401, 'AUTH_REQUIRED', 'nope'), cloudError(401, 'AUTH_REQUIRED', 'nope')]);
    await expect(c.http.request(get)).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      hint: expect.stringMatching(/Sign in again/),
    });
    expect(c.auth.state.refreshes).toBe(1);
    expect(c.auth.state.rejected).toBe(1);
    expect(c.net.sent).toHaveLength(2);
  });

  it('429 waits as Retry-After says, then X-RateLimit-Reset, and gives up with a hint after bounded tries', async () => {
    const c = client([
      cloudError(429, 'RATE_LIMIT_EXCEEDED', 'slow down', {}, { 'retry-after': '2' }),
      json(200, { ok: true }),
    ]);
    await c.http.request(post);
    expect(c.waits).toEqual([2000]);

    const now = 1_700_000_000_000;
    const d = client(
      [
        cloudError(429, 'RATE_LIMIT_EXCEEDED', 'slow', {}, { 'x-ratelimit-reset': String(now / 1000 + 5) }),
        json(200, { ok: true }),
      ],
      auth(),
      now,
    );
    await d.http.request(get);
    expect(d.waits).toEqual([5000]);

    const e = client(
      Array.from({ length: 4 }, () => cloudError(429, 'RATE_LIMIT_EXCEEDED', 'slow', {}, { 'retry-after': '1' })),
    );
    await expect(e.http.request(get)).rejects.toMatchObject({ code: 'CLOUD_ERROR', hint: 'Try again in 1 s.' });
    expect(e.net.sent).toHaveLength(4);

    const far = client([cloudError(429, 'RATE_LIMIT_EXCEEDED', 'slow', {}, { 'retry-after': '3600' })]);
    await expect(far.http.request(get)).rejects.toMatchObject({ hint: 'Try again in 3600 s.' });
    expect(far.waits).toEqual([]);
  });

  it('retries 5xx and dropped connections for idempotent requests with capped backoff', async () => {
    const c = client([cloudError(500, 'INTERNAL_ERROR', 'boom'), reset(), json(200, { ok: true })]);
    expect(await c.http.request(get)).toEqual({ ok: true });
    expect(c.waits).toHaveLength(2);
    expect(Math.max(...c.waits)).toBeLessThanOrEqual(1000);
    const stubborn = client(Array.from({ length: 4 }, () => cloudError(503, 'INTERNAL_ERROR', 'down')));
    await expect(stubborn.http.request(get)).rejects.toMatchObject({ code: 'CLOUD_ERROR', transient: true });
    expect(stubborn.net.sent).toHaveLength(4);
  });

  it('does not repeat a POST whose outcome is unknown: it reports it as uncertain', async () => {
    const dropped = client([reset()]);
    const e1 = await dropped.http.request(post).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(CloudRequestError);
    expect((e1 as CloudRequestError).uncertain).toBe(true);
    expect(dropped.net.sent).toHaveLength(1);
    const failed = client([cloudError(500, 'INTERNAL_ERROR', 'boom')]);
    const e2 = (await failed.http.request(post).catch((e: unknown) => e)) as CloudRequestError;
    expect(e2.uncertain).toBe(true);
    expect(failed.net.sent).toHaveLength(1);
  });

  it('connection refused is OFFLINE, immediately', async () => {
    const c = client([refused()]);
    await expect(c.http.request(get)).rejects.toMatchObject({
      code: 'OFFLINE',
      hint: expect.stringMatching(/offline/),
    });
    expect(c.waits).toEqual([]);
    const dns = client([Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } })]);
    await expect(dns.http.request(get)).rejects.toMatchObject({
      code: 'OFFLINE',
      message: expect.stringMatching(/host not found/),
    });
  });

  it('a timeout is retried for GETs and reported as uncertain', async () => {
    const timeout = () =>
      Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });
    const c = client([timeout(), json(200, { ok: true })]);
    expect(await c.http.request(get)).toEqual({ ok: true });
    const p = client([timeout()]);
    await expect(p.http.request(post)).rejects.toMatchObject({
      code: 'CLOUD_ERROR',
      message: expect.stringMatching(/did not answer in time/),
    });
  });

  it('maps documented errors to messages that say what to do', async () => {
    const v = client([cloudError(400, 'VALIDATION_FAILED', 'name: Name is required', { field: 'name' })]);
    await expect(v.http.request(post)).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
      field: 'name',
      message: expect.stringMatching(/name: Name is required/),
    });
    const lim = client([
      cloudError(403, 'RESOURCE_LIMIT_EXCEEDED', 'The free plan allows 3 projects', {
        limit: 'max_projects',
        max: 3,
        current: 3,
      }),
    ]);
    await expect(lim.http.request(post)).rejects.toMatchObject({
      message: expect.stringMatching(/limit on max_projects is reached \(3 of 3 used\)/),
      hint: expect.stringMatching(/Upgrade your plan, or delete/),
    });
    const locked = client([
      cloudError(
        429,
        'RATE_LIMIT_EXCEEDED',
        'Account locked',
        { locked: true, unlocks_at: '2030-01-01T00:15:00.000Z' },
        { 'retry-after': '900' },
      ),
    ]);
    await expect(locked.http.request(post)).rejects.toMatchObject({
      message: expect.stringMatching(/locked/),
      hint: 'Try again after 2030-01-01T00:15:00.000Z.',
    });
  });

  it('never echoes a credential the server put in an error', async () => {
    const c = client([
      cloudError(400, 'VALIDATION_FAILED', 'bad token mfx_supersecretvalue123 and eyJhbGciOi.eyJzdWIiOi.sig'),
    ]);
    const e = (await c.http.request(post).catch((x: unknown) => x)) as Error;
    expect(e.message).not.toContain('supersecretvalue123');
    expect(e.message).not.toContain('eyJzdWIiOi');
  });
});
