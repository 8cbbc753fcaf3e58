import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/core/store/store';
import { mockdeck, removeTempDirs, spawnServe, tempDir, type ServedProcess } from './cli-harness';

const served: ServedProcess[] = [];
afterAll(() => {
  for (const s of served) if (s.child.exitCode === null) s.child.kill('SIGKILL');
  removeTempDirs();
});

type Api = (method: string, path: string, body: unknown) => Promise<Record<string, string>>;

/** `mockdeck serve` with a project "shop"; `addMock` adds a mock answering "ok" and returns its id. */
async function serve(args: string[]) {
  const dataDir = tempDir();
  const s = await spawnServe(['--port', '0', '--data-dir', dataDir, ...args]);
  served.push(s);
  const token = readFileSync(s.line.tokenFile!, 'utf8').trim();
  const api: Api = async (method, path, body) => {
    const r = await fetch(s.line.url + path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return ((await r.json()) as { data: Record<string, string> }).data;
  };
  const projectId = (await api('POST', '/projects', { name: 'Shop', slug: 'shop' })).project_id!;
  const addMock = async (mock: { method: string; path: string; responseDelay?: number }): Promise<string> => {
    const m = await api('POST', `/projects/${projectId}/mocks`, { name: mock.path, ...mock });
    await api('POST', `/mocks/${m.mock_id}/responses`, { body: 'ok' });
    return m.mock_id!;
  };
  return { ...s, dataDir, addMock };
}

/** A client that writes the start of a request and then nothing: a stalled upload. */
function stalledUpload(url: string) {
  const { hostname, port } = new URL(url);
  const socket = net.connect(Number(port), hostname);
  socket.on('error', () => {});
  let received = '';
  socket.on('data', (d: Buffer) => (received += d.toString('latin1')));
  socket.write(`POST /m/shop/upload HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n${'a'.repeat(1000)}`);
  const closed = new Promise<string>((resolve) => socket.on('close', () => resolve(received)));
  return { socket, closed };
}

/** A keep-alive client sending GETs back to back until the server goes away; counts the answers it got. */
function busyClient(url: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const state = { acknowledged: 0 };
  const done = (async () => {
    for (;;) {
      const ok = await new Promise<boolean>((resolve) => {
        http
          .get(url, { agent }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode === 200));
            res.on('error', () => resolve(false));
          })
          .on('error', () => resolve(false));
      });
      if (!ok) break;
      state.acknowledged++;
    }
    agent.destroy();
  })();
  return { state, done };
}

function rowsOf(dataDir: string, mockId: string): number {
  const store = openStore(dataDir);
  try {
    return store.logs.page({ mockId }, 1, 1).pagination.total;
  } finally {
    store.close();
  }
}

async function until(cond: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('mockdeck serve: bounded shutdown and request timeouts (issue 18 items 3, 4)', () => {
  it('exits 0 within 5 s of SIGTERM despite a stalled upload and a busy keep-alive client, every answered request logged', async () => {
    const s = await serve([]);
    const helloId = await s.addMock({ method: 'GET', path: '/hello' });
    const busy = busyClient(`${s.line.mockBaseUrl}shop/hello`);
    const stalled = stalledUpload(s.line.url);
    await until(() => busy.state.acknowledged >= 50);

    const signalledAt = performance.now();
    s.child.kill('SIGTERM');
    const exit = await s.exited;
    await busy.done;
    expect(exit.code).toBe(0);
    expect(exit.at - signalledAt).toBeLessThan(5000);
    // The stalled client got no answer: its connection was cut.
    expect(await stalled.closed).toBe('');
    // Every answer a client received has its row (a row may exist for an answer cut in transit).
    expect(rowsOf(s.dataDir, helloId)).toBeGreaterThanOrEqual(busy.state.acknowledged);
  });

  it('a second SIGTERM cuts the grace period short, still writes the logs, and exits 130', async () => {
    const s = await serve(['--shutdown-grace', '60000']);
    const slowId = await s.addMock({ method: 'GET', path: '/slow', responseDelay: 3000 });
    const stalled = stalledUpload(s.line.url);
    // Sent well before the first SIGTERM, answered during the (long) grace period it opens.
    const slow = fetch(`${s.line.mockBaseUrl}shop/slow`).then((r) => r.status);
    await new Promise((r) => setTimeout(r, 1000));
    s.child.kill('SIGTERM');
    expect(await slow).toBe(200);
    // At once: the row of the answer just sent is still queued, not yet written by the timer.
    const secondAt = performance.now();
    s.child.kill('SIGTERM');
    const exit = await s.exited;
    expect(exit.code).toBe(130);
    expect(exit.at - secondAt).toBeLessThan(3000);
    await stalled.closed;
    expect(rowsOf(s.dataDir, slowId)).toBe(1);
  });

  it('closes a stalled upload with 408 at --request-timeout, and still answers a longer mock delay', async () => {
    const s = await serve(['--request-timeout', '1000', '--headers-timeout', '500']);
    await s.addMock({ method: 'POST', path: '/upload' });
    await s.addMock({ method: 'GET', path: '/slow', responseDelay: 1500 });
    const started = performance.now();
    const stalled = stalledUpload(s.line.url);
    const slow = fetch(`${s.line.mockBaseUrl}shop/slow`).then((r) => r.status);
    expect(await stalled.closed).toMatch(/^HTTP\/1\.1 408 /);
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
    expect(await slow).toBe(200);
    s.child.kill('SIGTERM');
    expect((await s.exited).code).toBe(0);
  });

  it('refuses a timeout that is not a whole number of ms, or headers longer than the request', async () => {
    const bad = await mockdeck(['serve', '--request-timeout', '2s', '--data-dir', tempDir()]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--request-timeout must be a whole number of milliseconds .*got "2s"/);
    const inverted = await mockdeck([
      'serve',
      '--request-timeout',
      '1000',
      '--headers-timeout',
      '5000',
      '--data-dir',
      tempDir(),
    ]);
    expect(inverted.code).toBe(2);
    expect(inverted.stderr).toMatch(/--headers-timeout cannot be longer than --request-timeout/);
  });
});
