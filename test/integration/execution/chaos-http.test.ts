import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChaosInput, FaultKind, RequestLog } from '../../../shared/models';
import { seededRandom } from '../../../shared/models';
import { startHarness, type Harness } from './harness';

/**
 * Chaos seen from a real HTTP client (node:http, a fresh connection per request): injected
 * errors at their rate, each network fault as the failure it names, a latency that is
 * really waited, and what the request log keeps.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ random: seededRandom(2026) });
});
afterAll(() => h.close());

interface Outcome {
  status?: number;
  body?: string;
  error?: NodeJS.ErrnoException;
}

/** One GET on a new connection: what the client got, an answer or an error. */
function get(url: string): Promise<Outcome> {
  return new Promise((resolve) => {
    // A failure after the headers is reported on the request (Node's parser error), or on the response.
    let status: number | undefined;
    const failed = (error: NodeJS.ErrnoException) => resolve(status === undefined ? { error } : { status, error });
    const req = http.get(url, { agent: false }, (res) => {
      status = res.statusCode!;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status, body: Buffer.concat(chunks).toString() }));
      res.on('error', failed);
    });
    req.on('error', failed);
  });
}

/** The raw bytes a client receives on a connection until the server closes it. */
function rawBytes(url: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const socket = new net.Socket();
    const chunks: Buffer[] = [];
    socket.connect(Number(u.port), u.hostname, () =>
      socket.write(`GET ${u.pathname} HTTP/1.1\r\nhost: ${u.host}\r\n\r\n`),
    );
    socket.on('data', (c) => chunks.push(c));
    socket.on('close', () => resolve(Buffer.concat(chunks)));
    socket.on('error', reject);
  });
}

function mockWith(path: string, chaos: ChaosInput | null): string {
  const { mockId } = h.addMock({ name: path, method: 'GET', path }, [{ statusCode: 200, body: '{"ok":true}' }]);
  h.core.catalog.mocks.update(mockId, { chaos });
  return mockId;
}

async function logsOf(mockId: string): Promise<RequestLog[]> {
  await h.core.server.settleLogs();
  return h.core.store.logs.page({ mockId }, 1, 100).data;
}

describe('injected errors', () => {
  it('errorRate 0.3 over 1,000 requests errors 30% of them (±4.5%), with the status and body set', async () => {
    mockWith('/flaky', { errorRate: 0.3, errorStatus: 503, errorBody: '{"error":"busy"}' });
    const statuses = new Map<number, number>();
    for (let i = 0; i < 1000; i++) {
      const r = await get(h.url('/flaky'));
      statuses.set(r.status!, (statuses.get(r.status!) ?? 0) + 1);
      if (r.status === 503) expect(r.body).toBe('{"error":"busy"}');
      else expect(r.body).toBe('{"ok":true}');
    }
    expect([...statuses.keys()].sort()).toEqual([200, 503]);
    expect(Math.abs(statuses.get(503)! / 1000 - 0.3)).toBeLessThan(0.045);
  });
});

describe('each network fault, as a real client sees it', () => {
  const faulty = (fault: FaultKind) => mockWith(`/fault-${fault}`, { fault, faultRate: 1 });

  it('connection_reset: ECONNRESET (a TCP reset), no status', async () => {
    faulty('connection_reset');
    const r = await get(h.url('/fault-connection_reset'));
    expect(r.status).toBeUndefined();
    expect(r.error?.code).toBe('ECONNRESET');
    expect(r.error?.message).toMatch(/read ECONNRESET/);
  });

  it('connection_reset reaches a request with a body (answered through fastify) and undici alike', async () => {
    const { mockId } = h.addMock({ name: 'upload', method: 'POST', path: '/upload' }, [{ body: 'stored' }]);
    h.core.catalog.mocks.update(mockId, { chaos: { fault: 'connection_reset', faultRate: 1 } });
    const posted = await new Promise<NodeJS.ErrnoException>((resolve) => {
      const req = http.request(h.url('/upload'), { method: 'POST', agent: false }, () =>
        resolve(new Error('answered')),
      );
      req.on('error', resolve);
      req.end(Buffer.alloc(10_000, 1));
    });
    expect(posted.code).toBe('ECONNRESET');
    const viaUndici = await fetch(h.url('/upload'), { method: 'POST', body: 'x' }).catch((e: Error) => e);
    expect(viaUndici).toBeInstanceOf(TypeError);
    expect(((viaUndici as TypeError).cause as NodeJS.ErrnoException).code).toBe('ECONNRESET');
  });

  it('empty_response: the connection closes before any byte ("socket hang up")', async () => {
    faulty('empty_response');
    const r = await get(h.url('/fault-empty_response'));
    expect(r.status).toBeUndefined();
    expect(r.error?.message).toBe('socket hang up');
    expect((await rawBytes(h.url('/fault-empty_response'))).length).toBe(0);
  });

  it('malformed_chunk: the status line and headers arrive, then the chunked body fails to parse', async () => {
    faulty('malformed_chunk');
    const r = await get(h.url('/fault-malformed_chunk'));
    expect(r.status).toBe(200);
    expect(r.error?.code).toBe('HPE_INVALID_CHUNK_SIZE');
    const raw = (await rawBytes(h.url('/fault-malformed_chunk'))).toString('latin1');
    expect(raw).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*transfer-encoding: chunked\r\n/i);
  });

  it('random_data_then_close: bytes that are not HTTP (a parse error), then the close', async () => {
    faulty('random_data_then_close');
    const r = await get(h.url('/fault-random_data_then_close'));
    expect(r.status).toBeUndefined();
    expect(r.error?.code).toMatch(/^HPE_/);
    const raw = await rawBytes(h.url('/fault-random_data_then_close'));
    expect(raw.length).toBeGreaterThanOrEqual(64);
    expect(raw.subarray(0, 5).toString('latin1')).not.toBe('HTTP/');
  });

  it('the log marks each faulted request with its fault and no status (but malformed_chunk, which sent one)', async () => {
    await h.core.server.settleLogs();
    const logs = h.core.store.logs.page({ projectId: h.project.id }, 1, 100).data.filter((l) => l.chaos?.fault);
    const byFault = new Map(logs.map((l) => [l.chaos!.fault, l]));
    expect(byFault.get('connection_reset')).toMatchObject({ responseStatus: 0, responseBody: '' });
    expect(byFault.get('empty_response')).toMatchObject({ responseStatus: 0 });
    expect(byFault.get('malformed_chunk')).toMatchObject({ responseStatus: 200 });
    expect(byFault.get('random_data_then_close')?.chaos).toEqual({ source: 'mock', fault: 'random_data_then_close' });
  });
});

describe('latency over real HTTP', () => {
  it('a fixed 300 ms latency is waited (generous bound) and logged as drawn', async () => {
    const id = mockWith('/slow', { latency: { kind: 'fixed', ms: 300 } });
    const t0 = performance.now();
    const r = await get(h.url('/slow'));
    const took = performance.now() - t0;
    expect(r.status).toBe(200);
    expect(took).toBeGreaterThanOrEqual(290);
    const [log] = await logsOf(id);
    expect(log!.chaos).toEqual({ source: 'mock', latencyMs: 300 });
  });
});

describe("the project's chaos and the kill switch", () => {
  it("unmatched requests get the project's chaos; the kill switch turns everything off and on again", async () => {
    h.core.catalog.projects.update(h.project.id, { chaos: { errorRate: 1, errorStatus: 500 } });
    const plain = mockWith('/plain', null);
    expect((await get(h.url('/plain'))).status).toBe(500);
    expect((await get(h.url('/no-such-mock'))).status).toBe(500);

    const call = (enabled: boolean) =>
      h.app.router.call('chaos.setEnabled', { enabled }, { transport: 'direct' }).then((r) => {
        if (!r.ok) throw new Error(r.error.message);
        return r.value;
      });
    const off = await call(false);
    expect(off.chaos.enabled).toBe(false);
    expect(off.chaos.settings).toBeGreaterThanOrEqual(2);
    expect((await get(h.url('/plain'))).status).toBe(200);
    expect((await get(h.url('/no-such-mock'))).status).toBe(404);
    expect((await get(h.url('/fault-connection_reset'))).status).toBe(200);
    expect((await logsOf(plain))[0]!.chaos).toBeNull();

    expect((await call(true)).chaos.enabled).toBe(true);
    expect((await get(h.url('/plain'))).status).toBe(500);
    h.core.catalog.projects.update(h.project.id, { chaos: null });
    expect((await get(h.url('/plain'))).status).toBe(200);
  });
});

describe('a seed reproduces a run', () => {
  it('two servers with the same seed draw the same latencies, errors and faults for the same requests', async () => {
    const run = async (seed: number) => {
      const s = await startHarness({ random: seededRandom(seed) });
      try {
        const { mockId } = s.addMock({ name: 'x', method: 'GET', path: '/x' }, [{ body: 'ok' }]);
        s.core.catalog.mocks.update(mockId, {
          chaos: {
            latency: { kind: 'uniform', min: 0, max: 20 },
            errorRate: 0.3,
            fault: 'empty_response',
            faultRate: 0.2,
          },
        });
        for (let i = 0; i < 40; i++) await get(s.url('/x'));
        await s.core.server.settleLogs();
        return s.core.store.logs
          .page({ mockId }, 1, 100)
          .data.reverse()
          .map((l) => [l.responseStatus, l.chaos?.latencyMs, l.chaos?.fault ?? null]);
      } finally {
        await s.close();
      }
    };
    const first = await run(11);
    expect(first).toHaveLength(40);
    expect(new Set(first.map(([status]) => status))).toEqual(new Set([0, 200, 503]));
    expect(await run(11)).toEqual(first);
    expect(await run(12)).not.toEqual(first);
  });
});
