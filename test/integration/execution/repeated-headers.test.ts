import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RequestLog } from '../../../shared/models';
import { startHarness, type Harness } from './harness';

/**
 * A response header given as a list (two Set-Cookie) goes out as separate header lines, in
 * order. Read off the socket: fetch and undici's Headers would join repeated lines.
 */
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

/** The raw response head (status line and header lines) and body of one HTTP/1.1 request. */
function rawRequest(path: string, method = 'GET', body = ''): Promise<{ head: string[]; body: string }> {
  const url = new URL(h.url(path));
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => {
      socket.write(
        `${method} ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\nConnection: close\r\n` +
          (body ? `Content-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` : '') +
          `\r\n${body}`,
      );
    });
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      resolve({ head: text.slice(0, split).split('\r\n'), body: text.slice(split + 4) });
    });
  });
}

const linesOf = (head: string[], name: string): string[] =>
  head.filter((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`)).map((l) => l.slice(name.length + 1).trim());

const logged = (): RequestLog[] => {
  h.core.server.flushLogs();
  return h.core.store.logs.page({ projectId: h.project.id }, 1, 10).data;
};

describe('repeated response headers', () => {
  it('sends each line of a repeated header apart, in order, on the direct route and through fastify', async () => {
    h.addMock({ name: 'login', method: 'GET', path: '/login' }, [
      {
        body: '{"ok":true}',
        headers: { 'Set-Cookie': ['sid=abc; Path=/; HttpOnly', 'theme=dark; Path=/'], 'X-One': 'single' },
      },
    ]);
    h.addMock({ name: 'login post', method: 'POST', path: '/login' }, [
      { body: 'posted', headers: { Link: ['</a>; rel="next"', '</b>; rel="prev"'] } },
    ]);

    const get = await rawRequest('/login');
    expect(get.head[0]).toBe('HTTP/1.1 200 OK');
    expect(linesOf(get.head, 'set-cookie')).toEqual(['sid=abc; Path=/; HttpOnly', 'theme=dark; Path=/']);
    expect(linesOf(get.head, 'x-one')).toEqual(['single']);
    expect(get.body).toBe('{"ok":true}');

    // A request with a body is served by fastify's route, not the direct one: the same lines.
    const post = await rawRequest('/login', 'POST', 'hello');
    expect(post.head[0]).toBe('HTTP/1.1 200 OK');
    expect(linesOf(post.head, 'link')).toEqual(['</a>; rel="next"', '</b>; rel="prev"']);

    // The log keeps what was sent: a list per repeated header (Set-Cookie masked line by line).
    const rows = await vi.waitFor(() => {
      const r = logged();
      expect(r).toHaveLength(2);
      return r;
    });
    const byMethod = (m: string) => rows.find((r) => r.requestMethod === m)!;
    expect(byMethod('GET').responseHeaders['set-cookie']).toEqual(['•••', '•••']);
    expect(byMethod('GET').responseHeaders['x-one']).toBe('single');
    expect(byMethod('POST').responseHeaders.link).toEqual(['</a>; rel="next"', '</b>; rel="prev"']);

    // HAR export of the log: one name/value pair per line sent, as HAR records them.
    const r = await h.app.router.call(
      'requestLogs.export',
      { projectId: h.project.id, format: 'har', limit: 10 },
      { transport: 'cli' },
    );
    if (!r.ok) throw new Error(r.error.message);
    const har = JSON.parse(r.value.text) as {
      log: { entries: { request: { method: string }; response: { headers: { name: string; value: string }[] } }[] };
    };
    const posted = har.log.entries.find((e) => e.request.method === 'POST')!;
    expect(posted.response.headers.filter((x) => x.name === 'link').map((x) => x.value)).toEqual([
      '</a>; rel="next"',
      '</b>; rel="prev"',
    ]);
  });

  it('renders each templated line of a repeated header, leaving plain lines as they are', async () => {
    h.addMock({ name: 'user', method: 'GET', path: '/users/{id}' }, [
      { body: "user {{urlParam 'id'}}", headers: { 'Set-Cookie': ["uid={{urlParam 'id'}}; Path=/", 'static=1'] } },
    ]);
    const res = await rawRequest('/users/42');
    expect(linesOf(res.head, 'set-cookie')).toEqual(['uid=42; Path=/', 'static=1']);
    expect(res.body).toBe('user 42');
  });

  it('names a templated line that renders to a value HTTP cannot carry', async () => {
    h.addMock({ name: 'bad', method: 'GET', path: '/bad/{v}' }, [
      { headers: { 'X-Tag': ['ok', "{{urlParam 'v'}}"] }, body: 'x' },
    ]);
    const res = await rawRequest('/bad/%E2%98%83');
    expect(res.head[0]).toBe('HTTP/1.1 500 Internal Server Error');
    expect(res.body).toMatch(/header X-Tag: renders to a value HTTP cannot carry/);
  });
});
