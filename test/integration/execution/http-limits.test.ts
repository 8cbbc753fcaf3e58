import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_HTTP_LIMITS, httpLimits } from '../../../main/core/server/http-limits';
import { startHarness, type Harness } from './harness';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

/** A raw client: writes `data`, keeps the socket open, and reports what came back and when the server closed it. */
function rawClient(url: string, data: string) {
  const { hostname, port } = new URL(url);
  const socket = net.connect(Number(port), hostname);
  const started = performance.now();
  let received = '';
  socket.on('data', (d: Buffer) => (received += d.toString('latin1')));
  const closed = new Promise<{ afterMs: number; received: string }>((resolve) => {
    socket.on('close', () => resolve({ afterMs: performance.now() - started, received }));
    socket.on('error', () => {});
  });
  socket.write(data);
  return { socket, closed };
}

/** Rejects if `p` is still pending after `ms`: the bound that old code (no timeouts) breaks. */
function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: still open after ${ms} ms`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

const get = (url: string, agent?: http.Agent) =>
  new Promise<{ status: number; body: string; connection: string | undefined }>((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection }));
      })
      .on('error', reject);
  });

describe('request timeouts (issue 18 item 4)', () => {
  it('closes an upload that stalls mid-body with 408 at the request timeout, on the fastify route', async () => {
    h = await startHarness({ httpLimits: { requestTimeoutMs: 800, headersTimeoutMs: 400 } });
    h.addMock({ name: 'upload', method: 'POST', path: '/upload' }, [{ body: 'ok' }]);
    const { closed } = rawClient(
      h.url('/upload'),
      `POST /m/shop/upload HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\nContent-Length: 100000\r\n\r\n${'a'.repeat(1000)}`,
    );
    const r = await within(closed, 5000, 'stalled upload');
    expect(r.received).toMatch(/^HTTP\/1\.1 408 /);
    expect(r.afterMs).toBeGreaterThanOrEqual(750);
    // Nothing was logged for a request that never arrived whole.
    h.core.server.flushLogs();
    expect(h.core.store.logs.page({ projectId: h.project.id }, 1, 10).data).toHaveLength(0);
  });

  it('closes a request whose headers stall at the headers timeout, on the direct route too', async () => {
    h = await startHarness({ httpLimits: { requestTimeoutMs: 5000, headersTimeoutMs: 600 } });
    h.addMock({ name: 'hello', method: 'GET', path: '/hello' }, [{ body: 'hi' }]);
    const { closed } = rawClient(h.url('/hello'), 'GET /m/shop/hello HTTP/1.1\r\nHost: x\r\nX-Slow: ');
    const r = await within(closed, 4000, 'stalled headers');
    expect(r.received).toMatch(/^HTTP\/1\.1 408 /);
    expect(r.afterMs).toBeGreaterThanOrEqual(550);
  });

  it('does not time out a keep-alive connection idling between requests', async () => {
    h = await startHarness({ httpLimits: { requestTimeoutMs: 300, headersTimeoutMs: 300 } });
    h.addMock({ name: 'hello', method: 'GET', path: '/hello' }, [{ body: 'hi' }]);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    let sockets = 0;
    h.core.server.app!.server.on('connection', () => sockets++);
    expect((await get(h.url('/hello'), agent)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1200));
    expect((await get(h.url('/hello'), agent)).status).toBe(200);
    expect(sockets).toBe(1);
    agent.destroy();
  });

  it('applies the same timeouts on a project port', async () => {
    h = await startHarness({ httpLimits: { requestTimeoutMs: 800, headersTimeoutMs: 400 } });
    h.addMock({ name: 'upload', method: 'POST', path: '/upload' }, [{ body: 'ok' }]);
    const port = await freePort();
    h.core.catalog.projects.update(h.project.id, { port });
    await until(() => h!.core.server.state().projectPorts.some((p) => p.running));
    const { closed } = rawClient(
      `http://127.0.0.1:${port}/`,
      'POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\nabc',
    );
    expect((await within(closed, 5000, 'stalled upload on a project port')).received).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('still answers a mock whose delay is longer than the request timeout', async () => {
    h = await startHarness({ httpLimits: { requestTimeoutMs: 300, headersTimeoutMs: 300 } });
    h.addMock({ name: 'slow', method: 'GET', path: '/slow', responseDelay: 1500 }, [{ body: 'late' }]);
    h.addMock({ name: 'slow post', method: 'POST', path: '/slow', responseDelay: 1500 }, [{ body: 'late post' }]);
    const started = performance.now();
    expect(await get(h.url('/slow'))).toMatchObject({ status: 200, body: 'late' });
    const posted = await fetch(h.url('/slow'), { method: 'POST', body: 'x'.repeat(10_000) });
    expect([posted.status, await posted.text()]).toEqual([200, 'late post']);
    expect(performance.now() - started).toBeGreaterThanOrEqual(2900);
  });

  it('defaults to 10 s for headers, 30 s for the request and keeps fastify’s 72 s keep-alive', async () => {
    h = await startHarness();
    const server = h.core.server.app!.server;
    expect(server.headersTimeout).toBe(DEFAULT_HTTP_LIMITS.headersTimeoutMs);
    expect(server.requestTimeout).toBe(DEFAULT_HTTP_LIMITS.requestTimeoutMs);
    expect(server.keepAliveTimeout).toBe(72_000);
    expect(DEFAULT_HTTP_LIMITS).toEqual({ headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, shutdownGraceMs: 2_000 });
  });

  it('refuses limits that are not whole milliseconds, and keeps headers within the request timeout', () => {
    expect(() => httpLimits({ requestTimeoutMs: -1 })).toThrow(/requestTimeoutMs must be a whole number of ms/);
    expect(() => httpLimits({ shutdownGraceMs: 1.5 })).toThrow(/shutdownGraceMs/);
    expect(httpLimits({ requestTimeoutMs: 5000, headersTimeoutMs: 20_000 }).headersTimeoutMs).toBe(5000);
    expect(httpLimits({ requestTimeoutMs: 0 }).headersTimeoutMs).toBe(10_000);
  });
});

describe('bounded stop (issue 18 item 3)', () => {
  it('closes idle keep-alive connections at once, and cuts stalled ones when the grace period ends', async () => {
    h = await startHarness({ httpLimits: { requestTimeoutMs: 0, headersTimeoutMs: 0, shutdownGraceMs: 1500 } });
    h.addMock({ name: 'hello', method: 'GET', path: '/hello' }, [{ body: 'hi' }]);
    h.addMock({ name: 'upload', method: 'POST', path: '/upload' }, [{ body: 'ok' }]);
    const keepAlive = rawClient(h.url('/hello'), 'GET /m/shop/hello HTTP/1.1\r\nHost: x\r\n\r\n');
    const answered = new Promise<void>((r) => keepAlive.socket.once('data', () => r()));
    const stalled = rawClient(
      h.url('/upload'),
      'POST /m/shop/upload HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nabc',
    );
    await answered;
    await arrived(h, 1);
    const events: string[] = [];
    void keepAlive.closed.then(() => events.push('idle keep-alive closed'));
    void stalled.closed.then(() => events.push('stalled closed'));
    const started = performance.now();
    await within(
      h.core.server.stop().then(() => events.push('stopped')),
      4000,
      'stop() with a stalled client',
    );
    expect(performance.now() - started).toBeGreaterThanOrEqual(1400);
    await stalled.closed;
    // The idle one went before the grace period ended; the stalled one only with it.
    expect(events.indexOf('idle keep-alive closed')).toBe(0);
    expect(events).toContain('stalled closed');
    expect((await stalled.closed).received).toBe('');
  });

  it('answers requests in flight during the grace period, logs them, and ends without waiting out the grace', async () => {
    h = await startHarness({ httpLimits: { shutdownGraceMs: 5000 } });
    const { mockId } = h.addMock({ name: 'slow', method: 'GET', path: '/slow', responseDelay: 400 }, [{ body: 'ok' }]);
    const agent = new http.Agent({ keepAlive: true });
    const received = arrived(h, 1);
    const answer = get(h.url('/slow'), agent);
    await received;
    const stopped = h.core.server.stop();
    expect(await answer).toMatchObject({ status: 200, body: 'ok' });
    await within(stopped, 3000, 'stop() after the last answer');
    expect(h.core.store.logs.page({ mockId }, 1, 10).data).toHaveLength(1);
    agent.destroy();
  });

  it('cutConnections() ends the grace period of a stop in progress', async () => {
    h = await startHarness({ httpLimits: { requestTimeoutMs: 0, shutdownGraceMs: 60_000 } });
    h.addMock({ name: 'upload', method: 'POST', path: '/upload' }, [{ body: 'ok' }]);
    const stalled = rawClient(
      h.url('/upload'),
      'POST /m/shop/upload HTTP/1.1\r\nHost: x\r\nContent-Length: 9\r\n\r\na',
    );
    await arrived(h, 1);
    const stopped = h.core.server.stop();
    await new Promise((r) => setTimeout(r, 200));
    h.core.server.cutConnections();
    await within(stopped, 3000, 'stop() after cutConnections()');
    await stalled.closed;
  });
});

/** Resolves once the main listener has parsed the headers of `n` requests (the request event). */
function arrived(harness: Harness, n: number): Promise<void> {
  const server = harness.core.server.app!.server;
  return new Promise((resolve) => {
    let seen = 0;
    const on = (): void => {
      if (++seen < n) return;
      server.off('request', on);
      resolve();
    };
    server.on('request', on);
  });
}

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
