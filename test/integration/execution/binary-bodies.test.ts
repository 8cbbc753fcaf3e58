import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE, insertStage, type ResponseStage } from '../../../main/core/engine';
import type { RequestLog } from '../../../shared/models';
import { toCurl } from '../../../renderer/src/features/logs/curl';
import { startHarness, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const logsOf = (hh: Harness): RequestLog[] => {
  hh.core.server.flushLogs();
  return hh.core.store.logs.page({ projectId: hh.project.id }, 1, 100).data;
};

/** Every byte value once: invalid UTF-8 (0x80–0xFF alone) and a NUL among them. */
const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
/** "é" cut in half, then a byte that never occurs in UTF-8. */
const INVALID_UTF8 = Buffer.from([0x61, 0xc3, 0x28, 0xff, 0x62]);

const post = (url: string, body: Buffer | string, contentType: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });

describe('binary request bodies', () => {
  it('arrive intact in the request log, as base64 marked as such, whatever the content type', async () => {
    h = await startHarness();
    h.addMock({ name: 'upload', method: 'POST', path: '/upload' }, [{ body: 'ok' }]);
    expect((await post(h.url('/upload'), ALL_BYTES, 'application/octet-stream')).status).toBe(200);
    expect((await post(h.url('/upload'), INVALID_UTF8, 'text/plain')).status).toBe(200);
    const [invalid, all] = logsOf(h);
    expect(all!.requestBodyEncoding).toBe('base64');
    expect(Buffer.from(all!.requestBody, 'base64').equals(ALL_BYTES)).toBe(true);
    expect(invalid!.requestBodyEncoding).toBe('base64');
    expect(Buffer.from(invalid!.requestBody, 'base64').equals(INVALID_UTF8)).toBe(true);
    // The management API's log rows say so too.
    const mockId = all!.mockId!;
    const rest = await fetch(`${h.base}/mocks/${mockId}/request-logs`, {
      headers: { authorization: `Bearer ${h.core.server.apiToken}` },
    });
    const { data } = (await rest.json()) as { data: { request_body: string; request_body_encoding: string }[] };
    expect(data[1]).toMatchObject({ request_body: ALL_BYTES.toString('base64'), request_body_encoding: 'base64' });
  });

  it('logs UTF-8 text as the text itself, multi-byte characters included', async () => {
    h = await startHarness();
    h.addMock({ name: 'upload', method: 'POST', path: '/upload' }, [{ body: 'ok' }]);
    await post(h.url('/upload'), 'naïve ✓ 😀 \u0000 end', 'text/plain; charset=utf-8');
    const [log] = logsOf(h);
    expect(log).toMatchObject({ requestBody: 'naïve ✓ 😀 \u0000 end', requestBodyEncoding: 'utf8' });
  });

  it('keeps the first 64 KiB of a large binary upload, in base64', async () => {
    h = await startHarness();
    h.addMock({ name: 'upload', method: 'PUT', path: '/upload' }, [{ body: 'ok' }]);
    const big = Buffer.concat(Array.from({ length: 1024 }, () => ALL_BYTES)); // 256 KiB
    const res = await fetch(h.url('/upload'), { method: 'PUT', body: new Uint8Array(big) });
    expect(res.status).toBe(200);
    const [log] = logsOf(h);
    expect(log!.requestBodyEncoding).toBe('base64');
    expect(Buffer.from(log!.requestBody, 'base64').equals(big.subarray(0, 64 * 1024))).toBe(true);
  });

  it('match "$" conditions on their text, and never a JSON field', async () => {
    h = await startHarness();
    const json = { type: 'body', field: 'kind', operator: 'exists', value: '' } as const;
    const png = { type: 'body', field: '$', operator: 'contains', value: 'PNG' } as const;
    h.addMock({ name: 'upload', method: 'POST', path: '/upload' }, [
      { name: 'json', body: 'json', conditions: [json] },
      { name: 'png', body: 'png', conditions: [png] },
      { name: 'other', body: 'other' },
    ]);
    const header = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff]);
    expect(await (await post(h.url('/upload'), header, 'image/png')).text()).toBe('png');
    // Valid JSON syntax, but not UTF-8 (a lone 0xFF inside the string): no fields.
    const notUtf8Json = Buffer.concat([Buffer.from('{"kind":"'), Buffer.from([0xff]), Buffer.from('"}')]);
    expect(await (await post(h.url('/upload'), notUtf8Json, 'application/json')).text()).toBe('other');
    expect(await (await post(h.url('/upload'), '{"kind":"x"}', 'application/json')).text()).toBe('json');
  });

  it('are replayed byte for byte by the log\'s "copy as curl"', async () => {
    h = await startHarness();
    h.addMock({ name: 'upload', method: 'POST', path: '/upload' }, [{ body: 'ok' }]);
    await post(h.url('/upload'), ALL_BYTES, 'application/octet-stream');
    const [first] = logsOf(h);
    const command = toCurl(first!, `${h.base}/m/shop`);
    await promisify(execFile)('sh', ['-c', `${command} --silent --show-error`]);
    const [replayed] = logsOf(h);
    expect(replayed!.id).not.toBe(first!.id);
    expect(replayed!.requestBodyEncoding).toBe('base64');
    expect(Buffer.from(replayed!.requestBody, 'base64').equals(ALL_BYTES)).toBe(true);
  });
});

describe('response bodies', () => {
  it('send stored text as UTF-8 bytes with their byte length', async () => {
    h = await startHarness();
    const text = 'naïve ✓ 😀 \u0000 end';
    h.addMock({ name: 'text', method: 'GET', path: '/text' }, [{ body: text }]);
    const res = await fetch(h.url('/text'));
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.equals(Buffer.from(text, 'utf8'))).toBe(true);
    expect(res.headers.get('content-length')).toBe(String(bytes.length));
  });

  it('send a Buffer a stage makes byte for byte, and log it in base64', async () => {
    const binary: ResponseStage = {
      name: 'binary',
      forMock: (cm) =>
        cm.mock.path === '/bytes'
          ? (x) => {
              x.body = ALL_BYTES;
              return undefined;
            }
          : undefined,
    };
    h = await startHarness({ pipeline: insertStage(DEFAULT_PIPELINE, binary, { after: 'render' }) });
    h.addMock({ name: 'bytes', method: 'GET', path: '/bytes' }, [{ body: 'replaced' }]);
    const res = await fetch(h.url('/bytes'));
    expect(res.headers.get('content-length')).toBe('256');
    expect(Buffer.from(await res.arrayBuffer()).equals(ALL_BYTES)).toBe(true);
    const [log] = logsOf(h);
    expect(log!.responseBodyEncoding).toBe('base64');
    expect(Buffer.from(log!.responseBody, 'base64').equals(ALL_BYTES)).toBe(true);
  });
});

describe('the response pipeline seam', () => {
  const shout: ResponseStage = {
    name: 'shout',
    forMock: () => (x) => {
      if (typeof x.body === 'string') x.body = x.body.toUpperCase();
      return undefined;
    },
  };

  it('runs a registered stage on every matched request, without any change to the server', async () => {
    h = await startHarness({ pipeline: insertStage(DEFAULT_PIPELINE, shout, { after: 'render' }) });
    h.addMock({ name: 'hi', method: 'GET', path: '/hi' }, [{ body: 'hello' }]);
    const res = await fetch(h.url('/hi'));
    expect(await res.text()).toBe('HELLO');
    expect(res.headers.get('content-length')).toBe('5');
    expect(logsOf(h)[0]!.responseBody).toBe('HELLO');
    // Unmatched requests take the unmatched steps: the stage has none there.
    expect((await fetch(h.url('/nowhere'))).status).toBe(404);
  });

  it('waits for an asynchronous stage, then applies the delay; a failing one answers INTERNAL_ERROR', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const later: ResponseStage = {
      name: 'later',
      forMock: (cm) => (x) => {
        if (cm.mock.path === '/fail') return Promise.reject(new Error('upstream refused'));
        return gate.then(() => {
          x.body = 'after the wait';
        });
      },
      // A proxy, later, answers unmatched requests here before the fallback does.
      forUnmatched: () => (x) =>
        gate.then(() => {
          x.status = 299;
          x.body = 'from the stand-in proxy';
        }),
    };
    h = await startHarness({ pipeline: insertStage(DEFAULT_PIPELINE, later, { before: 'fallback' }) });
    h.addMock({ name: 'slow', method: 'GET', path: '/slow', responseDelay: 300 }, [{ body: 'stored' }]);
    h.addMock({ name: 'fail', method: 'GET', path: '/fail' }, [{ body: 'stored' }]);
    const slow = fetch(h.url('/slow'));
    const proxied = fetch(h.url('/unknown'));
    await new Promise((r) => setTimeout(r, 50));
    const t0 = performance.now();
    release();
    expect(await (await slow).text()).toBe('after the wait');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(290);
    const p = await proxied;
    expect([p.status, await p.text()]).toEqual([299, 'from the stand-in proxy']);
    const failed = await fetch(h.url('/fail'));
    expect(failed.status).toBe(500);
    expect(await failed.json()).toMatchObject({
      error: 'INTERNAL_ERROR',
      message: expect.stringContaining('upstream refused'),
    });
    expect(logsOf(h)[0]).toMatchObject({
      errorCode: 'INTERNAL_ERROR',
      mockId: expect.any(String),
      requestPath: '/fail',
    });
  });
});
