import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchDocument } from '../../../main/core/transfer';

let server: Server;
let base: string;
const seen: { url: string; cookie?: string; authorization?: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', cookie: req.headers.cookie, authorization: req.headers.authorization });
    if (req.url === '/specs/petstore.yaml') return res.end('\uFEFFopenapi: 3.1.0\n');
    if (req.url === '/hop') return res.writeHead(302, { location: '/specs/petstore.yaml' }).end();
    if (req.url === '/to-file') return res.writeHead(302, { location: 'file:///etc/passwd' }).end();
    if (req.url === '/loop') return res.writeHead(302, { location: '/loop' }).end();
    if (req.url === '/missing') return res.writeHead(404).end('nope');
    if (req.url === '/big') {
      // No Content-Length: the cap must hold on the stream itself.
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = 'x'.repeat(1024);
      for (let i = 0; i < 64; i++) res.write(chunk);
      return res.end();
    }
    if (req.url === '/stall') return; // never answers
    res.writeHead(500).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('fetchDocument (import from a URL)', () => {
  it('downloads the text, names it after the file, follows http redirects and sends no credentials', async () => {
    const doc = await fetchDocument(`${base}/hop`);
    expect(doc).toEqual({ text: 'openapi: 3.1.0\n', source: 'petstore.yaml', bytes: 18 });
    expect(seen.every((s) => s.cookie === undefined && s.authorization === undefined)).toBe(true);
  });

  it('refuses other schemes, also behind a redirect, and URLs with credentials', async () => {
    await expect(fetchDocument('file:///etc/passwd')).rejects.toThrow(/http or https only, not file:/);
    await expect(fetchDocument(`${base}/to-file`)).rejects.toThrow(/http or https only/);
    await expect(fetchDocument('https://user:pw@example.com/x')).rejects.toThrow(/user name or password/);
    await expect(fetchDocument('not a url')).rejects.toThrow(/is not a URL/);
  });

  it('stops at the size cap, after too many redirects, on error statuses and on timeout', async () => {
    await expect(fetchDocument(`${base}/big`, { maxBytes: 10 * 1024 })).rejects.toThrow(/larger than/);
    expect((await fetchDocument(`${base}/big`, { maxBytes: 64 * 1024 })).bytes).toBe(64 * 1024);
    await expect(fetchDocument(`${base}/loop`)).rejects.toThrow(/redirects more than 5 times/);
    await expect(fetchDocument(`${base}/missing`)).rejects.toThrow(/answered 404/);
    await expect(fetchDocument(`${base}/stall`, { timeoutMs: 300 })).rejects.toThrow(/no complete answer/);
  });
});
