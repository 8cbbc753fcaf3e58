import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudServerHandle } from '../../cloud-server/index';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { newUser, openLocal, startServer } from './harness';

/** A port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('cloud auth against the contract server', () => {
  let server: CloudServerHandle;
  beforeAll(async () => {
    server = await startServer({ jwtTtlSeconds: 1 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('registers, keeps the JWT only in the secret store, and reports the user', async () => {
    const local = openLocal(server.url);
    const user = newUser();
    const events: boolean[] = [];
    local.cloud.on('cloud.authChanged', (s) => events.push(s.signedIn));
    const state = await local.cloud.session.register(user);
    expect(state.signedIn).toBe(true);
    expect(state.user?.username).toBe(user.username);
    expect(local.secrets.size()).toBe(1);
    expect(events).toEqual([true]);
    expect(JSON.stringify(await local.cloud.status())).not.toMatch(/eyJ/);
    local.close();
  });

  it('logs in, refreshes an expired JWT exactly once and retries, and logout wipes secrets', async () => {
    const local = openLocal(server.url);
    const user = newUser();
    await local.cloud.session.register(user);
    await local.cloud.session.logout();
    expect(local.secrets.size()).toBe(0);
    await local.cloud.session.login({ email: user.email, password: user.password });
    const first = await local.secrets.get(`cloud-jwt@${server.url}`);
    expect(first).toMatch(/^eyJ/);
    // The 1 s JWT expires; the next call gets a 401, refreshes once, and succeeds.
    await new Promise((r) => setTimeout(r, 2100));
    const orgs = await local.cloud.organizations();
    expect(orgs.length).toBeGreaterThan(0);
    const second = await local.secrets.get(`cloud-jwt@${server.url}`);
    expect(second).toMatch(/^eyJ/);
    expect(second).not.toBe(first);
    await local.cloud.session.logout();
    expect(local.secrets.size()).toBe(0);
    expect((await local.cloud.status()).signedIn).toBe(false);
    await expect(local.cloud.organizations()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    local.close();
  });

  it('a revoked session turns into one "sign in again" error and forgets the JWT', async () => {
    const local = openLocal(server.url);
    await local.cloud.session.register(newUser());
    await local.secrets.set(`cloud-jwt@${server.url}`, 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.invalidsig');
    await expect(local.cloud.organizations()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      hint: expect.stringMatching(/Sign in again/),
    });
    expect(local.secrets.size()).toBe(0);
    local.close();
  });

  it('maps validation and wrong-password errors into messages that say what to do', async () => {
    const local = openLocal(server.url);
    await expect(
      local.cloud.session.register({ username: 'ab', email: 'x@example.com', password: 'longenough' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
      field: 'username',
    });
    const user = newUser();
    await local.cloud.session.register(user);
    await expect(local.cloud.session.login({ email: user.email, password: 'wrong-password' })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    local.close();
  });

  it('locks sign-in after repeated failures and says when to retry', async () => {
    const local = openLocal(server.url);
    const user = newUser();
    await local.cloud.session.register(user);
    for (let i = 0; i < 5; i++)
      await local.cloud.session.login({ email: user.email, password: 'nope-nope' }).catch(() => undefined);
    const err = await local.cloud.session
      .login({ email: user.email, password: user.password })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'CLOUD_ERROR',
      message: expect.stringMatching(/locked/i),
      hint: expect.stringMatching(/Try again after \d{4}-/),
    });
    local.close();
  });

  it('signs in through the browser flow with a loopback listener and checks state', async () => {
    const opened: string[] = [];
    const local = openLocal(server.url, {
      openExternal: async (url) => {
        opened.push(url);
        // What the system browser would do: follow the cloud's redirect to the loopback URL.
        await fetch(url);
      },
    });
    const state = await local.cloud.loginOAuth('github', 10_000);
    expect(state.signedIn).toBe(true);
    expect(opened[0]).toMatch(
      /\/api\/v1\/auth\/oauth\/github\/authorize\?redirect_uri=http%3A%2F%2F127\.0\.0\.1%3A\d+%2Fcallback&state=/,
    );
    expect((await local.cloud.organizations()).length).toBeGreaterThan(0);
    local.close();
  });

  it('refuses a browser answer whose state does not match', async () => {
    const local = openLocal(server.url, {
      openExternal: async (url) => {
        const u = new URL(url);
        const redirect = u.searchParams.get('redirect_uri')!;
        await fetch(`${redirect}?token=planted&state=not-the-one`);
      },
    });
    await expect(local.cloud.loginOAuth('github', 5_000)).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: expect.stringMatching(/wrong state/),
    });
    expect(local.secrets.size()).toBe(0);
    local.close();
  });

  it('reports OFFLINE when nothing listens at the base URL', async () => {
    const port = await closedPort();
    const local = openLocal(`http://127.0.0.1:${port}`);
    await expect(local.cloud.session.login({ email: 'a@example.com', password: 'whatever1' })).rejects.toMatchObject({
      code: 'OFFLINE',
    });
    local.close();
  });
});
