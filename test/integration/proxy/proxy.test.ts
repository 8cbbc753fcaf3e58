import { request as httpRequest } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProjectUpdate, RequestLog } from '../../../shared/models';
import { startHarness, type Harness } from '../execution/harness';
import { BINARY, startUpstream, type Upstream } from './upstream';

const TOKEN = 'proxy-test-token-0123456789';
let h: Harness;
let up: Upstream;

beforeEach(async () => {
  h = await startHarness({ apiToken: TOKEN });
  up = await startUpstream();
});
afterEach(async () => {
  await h.close();
  await up.stop();
});

const proxy = (patch: ProjectUpdate = {}) =>
  h.core.catalog.projects.update(h.project.id, { upstreamUrl: up.url, proxyMode: 'passthrough', ...patch });

const logs = (): RequestLog[] => {
  h.core.server.flushLogs();
  return h.core.store.logs.page({ projectId: h.project.id }, 1, 100).data;
};

/** A raw node:http request, for headers fetch will not send (Connection, TE…). */
function raw(
  path: string,
  headers: Record<string, string>,
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  rawHeaders: string[];
  body: string;
}> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(h.url(path), { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          rawHeaders: res.rawHeaders,
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('passthrough', () => {
  it('forwards every method with its binary body and query string, and returns the answer unchanged', async () => {
    proxy();
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const res = await fetch(h.url('/things/1?b=2&a=%20x&a=y'), { method, body: BINARY });
      expect(res.status, method).toBe(201);
      expect(res.headers.get('x-echo')).toBe('yes');
      const echoed = (await res.json()) as { method: string; url: string; body: string };
      expect(echoed.method).toBe(method);
      expect(echoed.url).toBe('/things/1?b=2&a=%20x&a=y');
      expect(Buffer.from(echoed.body, 'base64').equals(BINARY), `${method} body bytes`).toBe(true);
    }
    const get = await fetch(h.url('/binary'));
    expect(get.headers.get('content-type')).toBe('application/octet-stream');
    expect(Buffer.from(await get.arrayBuffer()).equals(BINARY)).toBe(true);
    const head = await fetch(h.url('/things'), { method: 'HEAD' });
    expect(head.status).toBe(201);
    expect(up.seen.map((s) => s.method)).toEqual(['POST', 'PUT', 'PATCH', 'DELETE', 'GET', 'HEAD']);
  });

  it('streams a chunked body: the client reads the first chunk before the upstream has sent the last', async () => {
    proxy();
    const res = await fetch(h.url('/stream'));
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(Buffer.from(first.value!).toString()).toBe('first;');
    // Only now may the upstream finish: a proxy that buffered the body would never have sent "first;".
    up.releaseStream();
    let rest = '';
    for (let r = await reader.read(); !r.done; r = await reader.read()) rest += Buffer.from(r.value).toString();
    expect(rest).toBe('last');
  });

  it('keeps a mock answering its own path: only unmatched requests go upstream', async () => {
    proxy();
    h.addMock({ name: 'local', method: 'GET', path: '/local' }, [{ body: 'from the mock' }]);
    expect(await (await fetch(h.url('/local'))).text()).toBe('from the mock');
    expect(up.seen).toHaveLength(0);
  });

  it('drops hop-by-hop headers both ways, rewrites Host and sets X-Forwarded-* and Via', async () => {
    proxy();
    const res = await raw('/headers?x=1', {
      connection: 'keep-alive, x-conn-only',
      'x-conn-only': 'dropped',
      'keep-alive': 'timeout=5',
      'proxy-authorization': 'Basic abc',
      te: 'trailers',
      'x-kept': 'kept',
      authorization: 'Bearer client-token',
      'x-forwarded-for': '10.0.0.9',
    });
    expect(res.status).toBe(201);
    const seen = up.seen[0]!.headers;
    expect(seen.host).toBe(`127.0.0.1:${up.port}`);
    expect(seen['x-forwarded-host']).toBe(new URL(h.base).host);
    expect(seen['x-forwarded-proto']).toBe('http');
    expect(seen['x-forwarded-for']).toBe('10.0.0.9, 127.0.0.1');
    expect(seen.via).toMatch(/^1\.1 mockdeck-[0-9a-f]+$/);
    expect(seen['x-kept']).toBe('kept');
    expect(seen.authorization).toBe('Bearer client-token');
    for (const gone of ['x-conn-only', 'keep-alive', 'proxy-authorization', 'te'])
      expect(seen[gone], gone).toBeUndefined();
    expect(res.headers['x-echo']).toBe('yes');
    expect(res.headers['proxy-authenticate']).toBeUndefined();
    // Node's own keep-alive header may be present; the upstream's "timeout=5" must not be.
    expect(res.headers['keep-alive']).not.toBe('timeout=5');
  });

  it('keeps an upstream base path in front of the request path', async () => {
    proxy({ upstreamUrl: `${up.url}/api/v2/` });
    await fetch(h.url('/orders?x=1'));
    expect(up.seen[0]!.url).toBe('/api/v2/orders?x=1');
  });

  it('logs proxied requests as such, with the upstream status and time', async () => {
    proxy();
    await (await fetch(h.url('/binary'))).arrayBuffer();
    await new Promise((r) => setTimeout(r, 20));
    const [log] = logs();
    expect(log!.proxied).toMatchObject({ upstream: `${up.url}/binary`, upstreamStatus: 200 });
    expect(log!.proxied!.upstreamMs).toBeGreaterThanOrEqual(0);
    expect(log!.responseStatus).toBe(200);
    expect(log!.responseBodyEncoding).toBe('base64');
    expect(Buffer.from(log!.responseBody, 'base64').equals(BINARY)).toBe(true);
  });
});

describe('when the upstream fails', () => {
  it('answers 502 JSON naming the upstream and the error when it is down', async () => {
    proxy();
    const url = up.url;
    await up.stop();
    const res = await fetch(h.url('/anything'));
    expect(res.status).toBe(502);
    const body = (await res.json()) as { error: string; message: string; upstream: string };
    expect(body.error).toBe('UPSTREAM_UNAVAILABLE');
    expect(body.upstream).toBe(url);
    expect(body.message).toContain(url);
    expect(body.message).toMatch(/ECONNREFUSED/);
    const [log] = logs();
    expect(log!.proxied).toMatchObject({ upstreamStatus: null });
    up = await startUpstream(); // for afterEach
  });

  it('answers 504 JSON when it does not answer within the response timeout', async () => {
    proxy({ proxyResponseTimeoutMs: 300 });
    const res = await fetch(h.url('/hang'));
    expect(res.status).toBe(504);
    const body = (await res.json()) as { error: string; message: string; upstream: string };
    expect(body).toMatchObject({ error: 'UPSTREAM_TIMEOUT', upstream: up.url });
    expect(body.message).toMatch(/300 ms \(proxyResponseTimeoutMs\)/);
  });

  // The upstream's own timeout (19 s) is far beyond this test's 10 s: only the client's abort can close it in time.
  it('aborts the upstream request when the client goes away', { timeout: 10_000 }, async () => {
    proxy({ proxyResponseTimeoutMs: 19_000 });
    const closed = up.hangClosed();
    const ac = new AbortController();
    const pending = fetch(h.url('/hang'), { signal: ac.signal }).catch(() => 'aborted');
    while (up.hits('/hang') === 0) await new Promise((r) => setTimeout(r, 10));
    ac.abort();
    expect(await pending).toBe('aborted');
    await closed; // the test times out if the proxy kept waiting on the upstream
  });

  it('cuts the upstream body when the client goes away mid-stream', { timeout: 10_000 }, async () => {
    proxy({ proxyResponseTimeoutMs: 19_000 });
    const ac = new AbortController();
    const res = await fetch(h.url('/stream'), { signal: ac.signal });
    const reader = res.body!.getReader();
    await reader.read();
    const closed = up.streamClosed();
    ac.abort();
    await closed;
    up.releaseStream();
    await new Promise((r) => setTimeout(r, 20));
    expect(logs()[0]).toMatchObject({ errorCode: 'CLIENT_CLOSED', responseStatus: 200 });
  });

  it('refuses a project that proxies to itself (508), instead of looping', async () => {
    h.core.catalog.projects.update(h.project.id, { upstreamUrl: `${h.base}/m/shop`, proxyMode: 'passthrough' });
    const res = await fetch(h.url('/loop'));
    expect(res.status).toBe(508);
    expect(((await res.json()) as { error: string }).error).toBe('PROXY_LOOP');
  });
});

describe('record', () => {
  const mocks = () => h.core.store.mocks.listByProject(h.project.id);
  const responses = () => h.core.store.responses.listByProject(h.project.id);

  it('turns each new method + path into one mock, also under concurrent identical requests', async () => {
    proxy({ proxyMode: 'record' });
    const all = await Promise.all(Array.from({ length: 8 }, () => fetch(h.url('/users/7')).then((r) => r.json())));
    expect(all.every((b) => (b as { path: string }).path === '/users/7')).toBe(true);
    await fetch(h.url('/users/7')).then((r) => r.text());
    await h.core.proxy.recorder.settled();
    expect(mocks().map((m) => `${m.method} ${m.path}`)).toEqual(['GET /users/7']);
    const [r] = responses();
    expect(r!.statusCode).toBe(200);
    expect(JSON.parse(r!.body)).toEqual({ path: '/users/7', auth: null, cookie: null });
    expect(r!.headers['x-user']).toBe('yes');
    expect(r!.headers['content-type']).toBe('application/json');
    expect(h.core.proxy.recorder.statusOf(h.project.id).recorded).toBe(1);
  });

  it('never stores Authorization, Cookie or Set-Cookie values', async () => {
    proxy({ proxyMode: 'record' });
    const res = await fetch(h.url('/users/secret'), {
      headers: { authorization: 'Bearer very-secret-token', cookie: 'sid=cookie-value-123; theme=x' },
    });
    // The client gets the upstream's answer as it is…
    expect(res.headers.get('set-cookie')).toContain('session=cookie-secret-value');
    expect(((await res.json()) as { auth: string }).auth).toBe('Bearer very-secret-token');
    await h.core.proxy.recorder.settled();
    // …the recorded mock holds none of the credential values.
    const stored = JSON.stringify({ mocks: mocks(), responses: responses() });
    for (const secret of ['very-secret-token', 'cookie-value-123', 'cookie-secret-value'])
      expect(stored, secret).not.toContain(secret);
    expect(responses()[0]!.headers['set-cookie']).toBeUndefined();
    // The log row of the proxied request masks the credential headers too (docs/security.md, section 7).
    await new Promise((r) => setTimeout(r, 20));
    const row = logs()[0]!;
    const logged = JSON.stringify([row.requestHeaders, row.responseHeaders]);
    for (const secret of ['very-secret-token', 'cookie-value-123', 'cookie-secret-value'])
      expect(logged, secret).not.toContain(secret);
  });

  it('records a header the upstream repeated as a list, and the recorded mock sends the lines again', async () => {
    proxy({ proxyMode: 'record' });
    const first = await raw('/repeated', {});
    expect(first.body).toBe('repeated');
    await h.core.proxy.recorder.settled();
    const [r] = responses();
    // Repeated lines stay a list in order (Node's client would join X-Tag); Set-Cookie is never recorded.
    expect(r!.headers.link).toEqual(['</a>; rel="next"', '</b>; rel="prev"']);
    expect(r!.headers['x-tag']).toEqual(['one', 'two']);
    expect(r!.headers['set-cookie']).toBeUndefined();
    // The log of the proxied request shows what went to the client, line by line (cookies masked).
    const row = await vi.waitFor(() => {
      const l = logs()[0];
      expect(l).toBeDefined();
      return l!;
    });
    expect(row.responseHeaders['set-cookie']).toEqual(['•••', '•••']);
    expect(row.responseHeaders['x-tag']).toEqual(['one', 'two']);
    // Now answered by the recorded mock: the same repeated lines, apart.
    h.core.catalog.projects.update(h.project.id, { proxyMode: 'off' });
    const again = await raw('/repeated', {});
    expect(again.body).toBe('repeated');
    expect(again.rawHeaders.filter((_, i, a) => i % 2 === 1 && a[i - 1]!.toLowerCase() === 'link')).toEqual([
      '</a>; rel="next"',
      '</b>; rel="prev"',
    ]);
  });

  it('generalises numeric and UUID segments to {id} when asked', async () => {
    proxy({ proxyMode: 'record', recordGeneralizeIds: true });
    await fetch(h.url('/users/1')).then((r) => r.text());
    await h.core.proxy.recorder.settled();
    await fetch(h.url('/users/2')).then((r) => r.text()); // answered by the recorded mock now
    await fetch(h.url('/users/6f1c1f5e-3b3a-4a59-9d5e-6f1c1f5e3b3a')).then((r) => r.text());
    await h.core.proxy.recorder.settled();
    expect(mocks().map((m) => m.path)).toEqual(['/users/{id}']);
    expect(up.hits('/users/1')).toBe(1);
    expect(up.hits('/users/2')).toBe(0);
  });

  it('does not record binary bodies (passed through only)', async () => {
    proxy({ proxyMode: 'record' });
    const body = Buffer.from(await (await fetch(h.url('/binary'))).arrayBuffer());
    expect(body.equals(BINARY)).toBe(true);
    await h.core.proxy.recorder.settled();
    expect(mocks()).toHaveLength(0);
    expect(h.core.proxy.recorder.statusOf(h.project.id).skipped).toBe(1);
  });

  it('recorded mocks answer with the upstream stopped', async () => {
    proxy({ proxyMode: 'record' });
    await fetch(h.url('/users/42')).then((r) => r.text());
    await fetch(h.url('/orders'), { method: 'POST', body: '{"a":1}' }).then((r) => r.text());
    await h.core.proxy.recorder.settled();
    await up.stop();
    const user = await fetch(h.url('/users/42'));
    expect(user.status).toBe(200);
    expect(await user.json()).toEqual({ path: '/users/42', auth: null, cookie: null });
    const order = await fetch(h.url('/orders'), { method: 'POST' });
    expect(order.status).toBe(201);
    expect(((await order.json()) as { method: string }).method).toBe('POST');
    // Something never recorded now finds no upstream.
    expect((await fetch(h.url('/never'))).status).toBe(502);
    up = await startUpstream();
  });
});

describe('settings', () => {
  it('refuses a mode without an upstream and an upstream that is not http(s)', () => {
    expect(() => h.core.catalog.projects.update(h.project.id, { proxyMode: 'record' })).toThrow(/needs an upstreamUrl/);
    expect(() => h.core.catalog.projects.update(h.project.id, { upstreamUrl: 'ftp://x' })).toThrow(/http/);
    expect(() => h.core.catalog.projects.update(h.project.id, { upstreamUrl: 'http://u:p@x' })).toThrow(/password/);
    expect(() => h.core.catalog.projects.update(h.project.id, { proxyResponseTimeoutMs: 50_000 })).toThrow(/19000/);
  });

  it('PUT /projects/:id accepts the proxy fields and GET returns them', async () => {
    const call = (method: string, body?: unknown) =>
      fetch(`${h.base}/projects/${h.project.id}`, {
        method,
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const put = await call('PUT', {
      upstreamUrl: 'https://api.example.com/v1/',
      proxyMode: 'record',
      recordGeneralizeIds: true,
    });
    expect(put.status).toBe(200);
    const got = (await (await call('GET')).json()) as { data: Record<string, unknown> };
    expect(got.data).toMatchObject({
      upstream_url: 'https://api.example.com/v1',
      proxy_mode: 'record',
      proxy_connect_timeout_ms: 5000,
      proxy_response_timeout_ms: 15000,
      record_generalize_ids: 1,
    });
    const bad = await call('PUT', { proxyMode: 'mirror' });
    expect(bad.status).toBe(400);
    const err = (await bad.json()) as { error: string; message: string; field?: string };
    expect(err.message).toMatch(/proxyMode must be "off", "passthrough" or "record"/);
  });
});
