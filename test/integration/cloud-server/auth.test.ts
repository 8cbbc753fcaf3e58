import { decodeJwt } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import type { CloudServerHandle } from '../../cloud-server';
import type { AuthBody, ErrorBody } from './helpers';
import { call, expectErrorShape, manualClock, register, withServer } from './helpers';

let server: CloudServerHandle;
afterEach(async () => server?.close());

describe('register', () => {
  it('creates the user, a JWT and a personal organization', async () => {
    server = await withServer();
    const r = await call<AuthBody>(server.url, 'POST', '/api/v1/auth/register', {
      body: { username: 'johndoe', email: 'john@example.com', password: 'securepassword123' },
    });
    expect(r.status).toBe(201);
    expect(Object.keys(r.body).sort()).toEqual(['token', 'user_id', 'username']);
    expect(r.body.username).toBe('johndoe');
    const claims = decodeJwt(r.body.token);
    expect(claims.sub).toBe(r.body.user_id);
    expect(claims.exp! - claims.iat!).toBe(3600);
    const orgs = await call<Array<Record<string, unknown>>>(server.url, 'GET', '/api/v1/organizations', {
      token: r.body.token,
    });
    expect(orgs.status).toBe(200);
    expect(orgs.body).toHaveLength(1);
    expect(orgs.body[0]).toMatchObject({ slug: 'johndoe', plan: 'pro', owner_id: r.body.user_id });
    expect(server.inspect.users()).toMatchObject([
      { user_id: r.body.user_id, username: 'johndoe', email: 'john@example.com' },
    ]);
  });

  it.each([
    [{ username: 'jo', email: 'j@example.com', password: 'longenough' }, 'username'],
    [{ username: 'john', email: 'not-an-email', password: 'longenough' }, 'email'],
    [{ username: 'john', email: 'j@example.com', password: 'short' }, 'password'],
    [{ email: 'j@example.com', password: 'longenough' }, 'username'],
  ])('rejects %j with 400 VALIDATION_FAILED naming %s', async (body, field) => {
    server = await withServer();
    const r = await call<ErrorBody>(server.url, 'POST', '/api/v1/auth/register', { body });
    expect(r.status).toBe(400);
    expectErrorShape(r.body, 400, 'VALIDATION_FAILED');
    expect(r.body.details.field).toBe(field);
  });

  it('answers 409 for a duplicate email or username', async () => {
    server = await withServer();
    await call(server.url, 'POST', '/api/v1/auth/register', {
      body: { username: 'ann', email: 'ann@example.com', password: 'password123' },
    });
    const dupEmail = await call<ErrorBody>(server.url, 'POST', '/api/v1/auth/register', {
      body: { username: 'other', email: 'ANN@example.com', password: 'password123' },
    });
    expect(dupEmail.status).toBe(409);
    expectErrorShape(dupEmail.body, 409, 'CONFLICT');
    expect(dupEmail.body.details.field).toBe('email');
    const dupName = await call<ErrorBody>(server.url, 'POST', '/api/v1/auth/register', {
      body: { username: 'ann', email: 'ann2@example.com', password: 'password123' },
    });
    expect(dupName.status).toBe(409);
    expect(dupName.body.details.field).toBe('username');
  });
});

describe('login and lockout', () => {
  it('logs in with the right password and answers 401 AUTH_REQUIRED otherwise', async () => {
    server = await withServer();
    const u = await register(server.url);
    const ok = await call<AuthBody>(server.url, 'POST', '/api/v1/auth/login', {
      body: { email: u.email, password: u.password },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ user_id: u.userId, username: u.username });
    const bad = await call<ErrorBody>(server.url, 'POST', '/api/v1/auth/login', {
      body: { email: u.email, password: 'wrong-password' },
    });
    expect(bad.status).toBe(401);
    expectErrorShape(bad.body, 401, 'AUTH_REQUIRED');
    expect(bad.body.details.attempts_remaining).toBe(4);
  });

  it('locks the account after 5 failed attempts, even for the right password, until the window passes', async () => {
    const clock = manualClock();
    server = await withServer({ clock });
    const u = await register(server.url);
    for (let i = 0; i < 5; i++) {
      const r = await call(server.url, 'POST', '/api/v1/auth/login', {
        body: { email: u.email, password: `wrong${i}` },
      });
      expect(r.status).toBe(401);
    }
    const locked = await call<ErrorBody>(server.url, 'POST', '/api/v1/auth/login', {
      body: { email: u.email, password: u.password },
    });
    expect(locked.status).toBe(429);
    expectErrorShape(locked.body, 429, 'RATE_LIMIT_EXCEEDED');
    expect(locked.body.error).toMatch(/locked/i);
    expect(locked.body.details).toMatchObject({
      locked: true,
      reason: 'email',
      unlocks_at: '2026-03-01T10:15:00.000Z',
    });
    expect(Number(locked.headers.get('retry-after'))).toBe(900);

    clock.advance(15 * 60 * 1000 + 1);
    const after = await call(server.url, 'POST', '/api/v1/auth/login', {
      body: { email: u.email, password: u.password },
    });
    expect(after.status).toBe(200);
  });

  it('locks an IP after 10 failed attempts across accounts, but not other IPs', async () => {
    server = await withServer();
    const users = [await register(server.url), await register(server.url), await register(server.url)];
    const ip = { 'x-forwarded-for': '203.0.113.7' };
    // 4 + 4 + 2 failures: no single account reaches 5, the IP reaches 10.
    for (const [u, n] of [
      [users[0]!, 4],
      [users[1]!, 4],
      [users[2]!, 2],
    ] as const) {
      for (let i = 0; i < n; i++) {
        const r = await call(server.url, 'POST', '/api/v1/auth/login', {
          body: { email: u.email, password: 'nope-nope' },
          headers: ip,
        });
        expect(r.status).toBe(401);
      }
    }
    const locked = await call<ErrorBody>(server.url, 'POST', '/api/v1/auth/login', {
      body: { email: users[2]!.email, password: users[2]!.password },
      headers: ip,
    });
    expect(locked.status).toBe(429);
    expect(locked.body.details).toMatchObject({ locked: true, reason: 'ip', max_attempts: 10 });
    const elsewhere = await call(server.url, 'POST', '/api/v1/auth/login', {
      body: { email: users[2]!.email, password: users[2]!.password },
      headers: { 'x-forwarded-for': '198.51.100.1' },
    });
    expect(elsewhere.status).toBe(200);
  });
});

describe('token refresh', () => {
  it('refreshes a valid token and an expired one within the grace window; rejects garbage and foreign signatures', async () => {
    const clock = manualClock();
    server = await withServer({ clock, jwtTtlSeconds: 60 });
    const u = await register(server.url);
    clock.advance(61_000);
    // Expired: protected routes refuse it...
    const refused = await call<ErrorBody>(server.url, 'GET', '/api/v1/organizations', { token: u.token });
    expect(refused.status).toBe(401);
    expect(refused.body.error).toMatch(/expired/i);
    // ...but refresh accepts it and the new token works.
    const r = await call<AuthBody>(server.url, 'POST', '/api/v1/auth/token/refresh', { body: { token: u.token } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ user_id: u.userId, username: u.username });
    expect(r.body.token).not.toBe(u.token);
    expect((await call(server.url, 'GET', '/api/v1/organizations', { token: r.body.token })).status).toBe(200);

    const garbage = await call<ErrorBody>(server.url, 'POST', '/api/v1/auth/token/refresh', {
      body: { token: 'not.a.jwt' },
    });
    expect(garbage.status).toBe(401);
    expectErrorShape(garbage.body, 401, 'AUTH_REQUIRED');

    const other = await withServer();
    try {
      const foreign = await register(other.url);
      const f = await call(server.url, 'POST', '/api/v1/auth/token/refresh', { body: { token: foreign.token } });
      expect(f.status).toBe(401);
    } finally {
      await other.close();
    }

    clock.advance(8 * 24 * 3600 * 1000);
    const tooOld = await call<ErrorBody>(server.url, 'POST', '/api/v1/auth/token/refresh', {
      body: { token: r.body.token },
    });
    expect(tooOld.status).toBe(401);
    expect(tooOld.body.details.reason).toBe('expired');

    const missing = await call(server.url, 'POST', '/api/v1/auth/token/refresh', { body: {} });
    expect(missing.status).toBe(400);
  });
});

describe('OAuth', () => {
  it('authorize → fake provider → callback → redirect_uri with token and state', async () => {
    server = await withServer();
    const redirect = 'http://127.0.0.1:5999/oauth/done';
    const q = new URLSearchParams({ redirect_uri: redirect, state: 'xyz-123' });
    const a = await fetch(`${server.url}/api/v1/auth/oauth/github/authorize?${q}`, { redirect: 'manual' });
    expect(a.status).toBe(302);
    const provider = a.headers.get('location')!;
    expect(provider).toContain('/__fake-oauth/github/authorize');
    const p = await fetch(provider, { redirect: 'manual' });
    expect(p.status).toBe(302);
    const callback = p.headers.get('location')!;
    expect(new URL(callback).pathname).toBe('/api/v1/auth/oauth/github/callback');
    const c = await fetch(callback, { redirect: 'manual' });
    expect(c.status).toBe(302);
    const final = new URL(c.headers.get('location')!);
    expect(`${final.origin}${final.pathname}`).toBe(redirect);
    expect(final.searchParams.get('state')).toBe('xyz-123');
    const token = final.searchParams.get('token')!;
    expect((await call(server.url, 'GET', '/api/v1/organizations', { token })).status).toBe(200);
    // Codes are single use.
    const replay = await fetch(callback, { redirect: 'manual' });
    expect(replay.status).toBe(400);
  });

  it('rejects unknown providers and non-loopback redirect URIs with 400', async () => {
    server = await withServer();
    const bad = await call<ErrorBody>(
      server.url,
      'GET',
      '/api/v1/auth/oauth/facebook/authorize?redirect_uri=http://127.0.0.1:1/x',
    );
    expect(bad.status).toBe(400);
    expectErrorShape(bad.body, 400, 'VALIDATION_FAILED');
    for (const uri of ['https://evil.example/cb', 'http://evil.example/cb', 'https://127.0.0.1:5/cb']) {
      const r = await call<ErrorBody>(
        server.url,
        'GET',
        `/api/v1/auth/oauth/google/authorize?redirect_uri=${encodeURIComponent(uri)}`,
      );
      expect(r.status).toBe(400);
      expect(r.body.details.field).toBe('redirect_uri');
    }
    const missing = await call(server.url, 'GET', '/api/v1/auth/oauth/google/authorize');
    expect(missing.status).toBe(400);
  });
});

describe('authentication on protected routes', () => {
  it('answers 401 AUTH_REQUIRED without, or with a malformed, Authorization header', async () => {
    server = await withServer();
    const variants: Array<Record<string, string>> = [
      {},
      { authorization: 'Basic abc' },
      { authorization: 'Bearer nonsense' },
      { authorization: 'Bearer mfx_unknown' },
    ];
    for (const headers of variants) {
      const r = await call<ErrorBody>(server.url, 'GET', '/api/v1/projects', { headers });
      expect(r.status).toBe(401);
      expectErrorShape(r.body, 401, 'AUTH_REQUIRED');
    }
  });
});
