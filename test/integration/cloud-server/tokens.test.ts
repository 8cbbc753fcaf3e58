import { afterEach, describe, expect, it } from 'vitest';
import type { CloudServerHandle } from '../../cloud-server';
import type { ErrorBody } from './helpers';
import { call, expectErrorShape, manualClock, register, withServer } from './helpers';

interface CreatedToken {
  token: string;
  id: string;
  name: string;
  token_prefix: string;
  scopes: string[];
  expires_at: string | null;
  created_at: string;
}
interface ListedToken {
  id: string;
  name: string;
  token_prefix: string;
  scopes: string[];
  last_used_at: string | null;
  expires_at: string | null;
  created_at: string;
  age_days: number;
  needs_rotation: boolean;
}

let server: CloudServerHandle;
afterEach(async () => server?.close());

describe('API tokens', () => {
  it('creates a token shown in full once, lists it without the secret, and authenticates with it', async () => {
    server = await withServer();
    const u = await register(server.url);
    const c = await call<CreatedToken>(server.url, 'POST', '/api/v1/tokens', {
      token: u.token,
      body: { name: 'CI/CD Token', scopes: ['read', 'write'], expires_at: '2099-12-31T23:59:59Z' },
    });
    expect(c.status).toBe(201);
    expect(Object.keys(c.body).sort()).toEqual([
      'created_at',
      'expires_at',
      'id',
      'name',
      'scopes',
      'token',
      'token_prefix',
    ]);
    expect(c.body.token).toMatch(/^mfx_[A-Za-z0-9_-]{20,}$/);
    expect(c.body.token.startsWith(c.body.token_prefix)).toBe(true);
    expect(c.body).toMatchObject({
      name: 'CI/CD Token',
      scopes: ['read', 'write'],
      expires_at: '2099-12-31T23:59:59.000Z',
    });

    const list = await call<ListedToken[]>(server.url, 'GET', '/api/v1/tokens', { token: u.token });
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).toEqual({
      id: c.body.id,
      name: 'CI/CD Token',
      token_prefix: c.body.token_prefix,
      scopes: ['read', 'write'],
      last_used_at: null,
      expires_at: '2099-12-31T23:59:59.000Z',
      created_at: c.body.created_at,
      age_days: 0,
      needs_rotation: false,
    });
    expect(JSON.stringify(list.body)).not.toContain(c.body.token);

    // mfx_ auth works on protected routes and stamps last_used_at.
    const viaToken = await call(server.url, 'GET', '/api/v1/projects', { token: c.body.token });
    expect(viaToken.status).toBe(200);
    const again = await call<ListedToken[]>(server.url, 'GET', '/api/v1/tokens', { token: u.token });
    expect(again.body[0]!.last_used_at).not.toBeNull();
  });

  it('validates the create body', async () => {
    server = await withServer();
    const u = await register(server.url);
    for (const body of [
      { scopes: ['read'] },
      { name: 'x', scopes: [] },
      { name: 'x', scopes: ['root'] },
      { name: 'x', scopes: ['read'], expires_at: 'tomorrow' },
    ]) {
      const r = await call<ErrorBody>(server.url, 'POST', '/api/v1/tokens', { token: u.token, body });
      expect(r.status).toBe(400);
      expectErrorShape(r.body, 400, 'VALIDATION_FAILED');
    }
  });

  it('rotates: the new token works, the old one stops working when delete_old is true', async () => {
    server = await withServer();
    const u = await register(server.url);
    const old = (
      await call<CreatedToken>(server.url, 'POST', '/api/v1/tokens', {
        token: u.token,
        body: { name: 'CI', scopes: ['read', 'write'] },
      })
    ).body;
    const r = await call<Record<string, unknown>>(server.url, 'POST', `/api/v1/tokens/${old.id}/rotate`, {
      token: u.token,
      body: { new_name: 'CI (Rotated)', delete_old: true },
    });
    expect(r.status).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual([
      'new_token',
      'new_token_id',
      'new_token_name',
      'old_token_deleted',
      'old_token_id',
    ]);
    expect(r.body).toMatchObject({ new_token_name: 'CI (Rotated)', old_token_id: old.id, old_token_deleted: true });
    expect(String(r.body.new_token)).toMatch(/^mfx_/);
    expect((await call(server.url, 'GET', '/api/v1/projects', { token: String(r.body.new_token) })).status).toBe(200);
    const dead = await call<ErrorBody>(server.url, 'GET', '/api/v1/projects', { token: old.token });
    expect(dead.status).toBe(401);
    expectErrorShape(dead.body, 401, 'AUTH_REQUIRED');

    const keep = await call<Record<string, unknown>>(
      server.url,
      'POST',
      `/api/v1/tokens/${String(r.body.new_token_id)}/rotate`,
      { token: u.token, body: {} },
    );
    expect(keep.body).toMatchObject({ new_token_name: 'CI (Rotated) (Rotated)', old_token_deleted: false });
    const list = await call<ListedToken[]>(server.url, 'GET', '/api/v1/tokens', { token: u.token });
    expect(list.body.map((t) => t.name).sort()).toEqual(['CI (Rotated)', 'CI (Rotated) (Rotated)']);

    const missing = await call<ErrorBody>(server.url, 'POST', '/api/v1/tokens/nope/rotate', {
      token: u.token,
      body: {},
    });
    expect(missing.status).toBe(404);
    expectErrorShape(missing.body, 404, 'TOKEN_NOT_FOUND');
  });

  it('deletes a token; a deleted token no longer authenticates; unknown ids are 404 TOKEN_NOT_FOUND', async () => {
    server = await withServer();
    const u = await register(server.url);
    const t = (
      await call<CreatedToken>(server.url, 'POST', '/api/v1/tokens', {
        token: u.token,
        body: { name: 'x', scopes: ['read'] },
      })
    ).body;
    const d = await call(server.url, 'DELETE', `/api/v1/tokens/${t.id}`, { token: u.token });
    expect(d.status).toBe(200);
    expect(d.body).toEqual({ success: true, message: 'API token deleted successfully' });
    expect((await call(server.url, 'GET', '/api/v1/projects', { token: t.token })).status).toBe(401);
    const again = await call<ErrorBody>(server.url, 'DELETE', `/api/v1/tokens/${t.id}`, { token: u.token });
    expect(again.status).toBe(404);
    expectErrorShape(again.body, 404, 'TOKEN_NOT_FOUND');
  });

  it('reports tokens older than 90 days in rotation-status', async () => {
    server = await withServer();
    const u = await register(server.url);
    const fresh = (
      await call<CreatedToken>(server.url, 'POST', '/api/v1/tokens', {
        token: u.token,
        body: { name: 'fresh', scopes: ['read'] },
      })
    ).body;
    const old = (
      await call<CreatedToken>(server.url, 'POST', '/api/v1/tokens', {
        token: u.token,
        body: { name: 'Old Token', scopes: ['read'] },
      })
    ).body;
    server.admin.backdateToken(old.id, 384);
    server.admin.backdateToken(fresh.id, 90);
    const list = await call<ListedToken[]>(server.url, 'GET', '/api/v1/tokens', { token: u.token });
    const byName = Object.fromEntries(list.body.map((t) => [t.name, t]));
    expect(byName['Old Token']).toMatchObject({ age_days: 384, needs_rotation: true });
    expect(byName.fresh).toMatchObject({ age_days: 90, needs_rotation: false });
    const status = await call<Array<Record<string, unknown>>>(server.url, 'GET', '/api/v1/tokens/rotation-status', {
      token: u.token,
    });
    expect(status.status).toBe(200);
    expect(status.body).toEqual([
      {
        id: old.id,
        name: 'Old Token',
        token_prefix: old.token_prefix,
        created_at: expect.any(String),
        age_days: 384,
        expires_at: null,
        needs_rotation: true,
      },
    ]);
  });

  it('refuses expired tokens and writes with a read-only token', async () => {
    const clock = manualClock();
    server = await withServer({ clock });
    const u = await register(server.url);
    const ro = (
      await call<CreatedToken>(server.url, 'POST', '/api/v1/tokens', {
        token: u.token,
        body: { name: 'ro', scopes: ['read'] },
      })
    ).body;
    expect((await call(server.url, 'GET', '/api/v1/projects', { token: ro.token })).status).toBe(200);
    const write = await call<ErrorBody>(server.url, 'POST', '/api/v1/projects', {
      token: ro.token,
      body: { name: 'x' },
    });
    expect(write.status).toBe(403);
    expectErrorShape(write.body, 403, 'PERMISSION_DENIED');

    const exp = (
      await call<CreatedToken>(server.url, 'POST', '/api/v1/tokens', {
        token: u.token,
        body: { name: 'short', scopes: ['read'], expires_at: '2026-03-01T11:00:00Z' },
      })
    ).body;
    expect((await call(server.url, 'GET', '/api/v1/projects', { token: exp.token })).status).toBe(200);
    clock.advance(2 * 3600 * 1000);
    const expired = await call<ErrorBody>(server.url, 'GET', '/api/v1/projects', { token: exp.token });
    expect(expired.status).toBe(401);
    expect(expired.body.error).toMatch(/expired/);
  });
});
