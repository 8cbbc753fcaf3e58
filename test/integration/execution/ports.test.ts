import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Core } from '../../../main/core/core';
import type { ServerState } from '../../../shared/ipc/contract';
import { AppError } from '../../../main/core/util/errors';
import { startHarness, type Harness } from './harness';

let h: Harness | undefined;
const blockers: net.Server[] = [];
afterEach(async () => {
  await h?.close();
  h = undefined;
  for (const b of blockers.splice(0)) await new Promise((r) => b.close(r));
});

/** Holds a loopback port open, as "another program" would. */
async function occupy(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  blockers.push(srv);
  return (srv.address() as net.AddressInfo).port;
}

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}

async function until(h: Harness, ok: (s: ServerState) => boolean): Promise<ServerState> {
  for (let i = 0; i < 200; i++) {
    const s = h.core.server.state();
    if (ok(s)) return s;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`server state never satisfied the test: ${JSON.stringify(h.core.server.state())}`);
}

describe('dedicated project ports', () => {
  it('serves a project with a port at the root of that port, and logs those requests', async () => {
    h = await startHarness();
    const port = await freePort();
    h.addMock({ name: 'users', method: 'GET', path: '/users/{id}' }, [{ body: 'user' }]);
    h.core.catalog.projects.update(h.project.id, { port });
    const s = await until(h, (st) => st.projectPorts.some((p) => p.running));
    expect(s.projectPorts).toEqual([
      { projectId: h.project.id, url: `http://127.0.0.1:${port}`, host: '127.0.0.1', port, running: true, error: null },
    ]);
    const r = await fetch(`http://127.0.0.1:${port}/users/5`);
    expect(await r.text()).toBe('user');
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    const miss = await fetch(`http://127.0.0.1:${port}/nothing`);
    expect(((await miss.json()) as { error: string }).error).toBe('MOCK_NOT_FOUND');
    // The main listener still serves the same project under /m/.
    expect(await (await fetch(h.url('/users/5'))).text()).toBe('user');
    h.core.server.flushLogs();
    expect(h.core.store.logs.page({ projectId: h.project.id }, 1, 10).data.map((l) => l.requestPath)).toEqual([
      '/users/5',
      '/nothing',
      '/users/5',
    ]);
  });

  it('moves the listener when the port changes and closes it when the port is cleared', async () => {
    h = await startHarness();
    h.addMock({ name: 'root', method: 'GET', path: '/' }, [{ body: 'root' }]);
    const [a, b] = [await freePort(), await freePort()];
    h.core.catalog.projects.update(h.project.id, { port: a });
    await until(h, (s) => s.projectPorts[0]?.port === a && s.projectPorts[0].running);
    expect(await (await fetch(`http://127.0.0.1:${a}/`)).text()).toBe('root');
    h.core.catalog.projects.update(h.project.id, { port: b });
    await until(h, (s) => s.projectPorts[0]?.port === b && s.projectPorts[0].running);
    expect(await (await fetch(`http://127.0.0.1:${b}/`)).text()).toBe('root');
    await expect(fetch(`http://127.0.0.1:${a}/`)).rejects.toThrow();
    h.core.catalog.projects.update(h.project.id, { port: null });
    await until(h, (s) => s.projectPorts.length === 0);
    await expect(fetch(`http://127.0.0.1:${b}/`)).rejects.toThrow();
  });

  it('reports PORT_IN_USE for a taken project port without stopping the main listener', async () => {
    h = await startHarness();
    const taken = await occupy();
    h.core.catalog.projects.update(h.project.id, { port: taken });
    const s = await until(h, (st) => st.projectPorts.length === 1);
    expect(s.running).toBe(true);
    expect(s.projectPorts[0]).toMatchObject({
      running: false,
      url: null,
      error: {
        code: 'PORT_IN_USE',
        message: `port ${taken} is in use`,
        hint: 'stop the other program or choose another port',
      },
    });
  });

  it('stops and starts project listeners with the server, emitting state changes', async () => {
    h = await startHarness();
    const port = await freePort();
    h.core.catalog.projects.update(h.project.id, { port });
    await until(h, (s) => s.projectPorts[0]?.running === true);
    const states: ServerState[] = [];
    h.core.server.onStateChange((s) => states.push(s));
    const stopped = await h.core.server.stop();
    expect(stopped).toMatchObject({ running: false, url: null, projectPorts: [] });
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
    const started = await h.core.server.start({ port: 0 });
    expect(started.running).toBe(true);
    expect(started.projectPorts[0]).toMatchObject({ port, running: true });
    expect(states.map((s) => s.running)).toEqual([false, true]);
  });
});

describe('main listener', () => {
  it('start() rejects with PORT_IN_USE when the main port is taken, and state() carries the error', async () => {
    const taken = await occupy();
    const core = Core.open({ dataDir: null, port: taken });
    try {
      const err = await core.server.start().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).toShape()).toEqual({
        code: 'PORT_IN_USE',
        message: `port ${taken} is in use`,
        hint: 'stop the other program or choose another port',
      });
      expect(core.server.state()).toMatchObject({
        running: false,
        url: null,
        port: taken,
        error: { code: 'PORT_IN_USE' },
      });
    } finally {
      await core.close();
    }
  });

  it('reports its URL and actual port when started on port 0, and exposes the API token', async () => {
    h = await startHarness({ apiToken: 'tok-123' });
    const s = h.core.server.state();
    expect(s.running).toBe(true);
    expect(s.port).toBeGreaterThan(0);
    expect(s.url).toBe(`http://127.0.0.1:${s.port}`);
    expect(h.core.server.apiToken).toBe('tok-123');
    expect(h.core.server.projectUrl('shop')).toBe(`${s.url}/m/shop`);
    // The management API shares the listener and takes that token.
    const r = await fetch(`${s.url}/projects`, { headers: { authorization: 'Bearer tok-123' } });
    expect(r.status).toBe(200);
  });
});
