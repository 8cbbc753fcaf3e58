import { afterEach, describe, expect, it } from 'vitest';
import type { CloudServerHandle } from '../../cloud-server';
import type { ErrorBody } from './helpers';
import { call, expectErrorShape, register, withServer } from './helpers';

let server: CloudServerHandle;
afterEach(async () => server?.close());

describe('rate limiting', () => {
  it('sends X-RateLimit-* on every response: API, errors, health and hosted', async () => {
    server = await withServer({ plan: 'free' });
    const u = await register(server.url);
    for (const [path, token] of [
      ['/api/v1/projects', u.token],
      ['/api/v1/projects', undefined],
      ['/health', undefined],
      ['/api/v1/status', undefined],
      ['/no/such/route', undefined],
      ['/hosted/nobody/nothing/x', undefined],
    ] as const) {
      const r = await call(server.url, 'GET', path, token ? { token } : {});
      expect(r.headers.get('x-ratelimit-limit'), path).toBe('60');
      expect(Number(r.headers.get('x-ratelimit-remaining')), path).toBeGreaterThanOrEqual(0);
      const reset = Number(r.headers.get('x-ratelimit-reset'));
      expect(reset, path).toBeGreaterThan(Date.now() / 1000 - 1);
      expect(reset, path).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 61);
    }
  });

  it('counts per principal and answers 429 RATE_LIMIT_EXCEEDED with Retry-After once the budget is spent', async () => {
    server = await withServer({ rateLimitPerMinute: 5 });
    const a = await register(server.url); // spends 1 from the IP's budget, not alice's
    const b = await register(server.url);
    const remaining: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await call(server.url, 'GET', '/api/v1/projects', { token: a.token });
      expect(r.status).toBe(200);
      remaining.push(Number(r.headers.get('x-ratelimit-remaining')));
    }
    expect(remaining).toEqual([4, 3, 2, 1, 0]);
    const limited = await call<ErrorBody>(server.url, 'GET', '/api/v1/projects', { token: a.token });
    expect(limited.status).toBe(429);
    expectErrorShape(limited.body, 429, 'RATE_LIMIT_EXCEEDED');
    const retry = Number(limited.headers.get('retry-after'));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    // Another principal still has its own budget.
    expect((await call(server.url, 'GET', '/api/v1/projects', { token: b.token })).status).toBe(200);
  });

  it('uses the plan budget by default: free 60, pro 600', async () => {
    server = await withServer();
    const u = await register(server.url);
    const r = await call(server.url, 'GET', '/api/v1/usage', { token: u.token });
    expect(r.headers.get('x-ratelimit-limit')).toBe('600');
  });
});
