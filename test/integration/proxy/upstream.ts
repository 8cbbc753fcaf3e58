import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the upstream saw of one request. */
export interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface Upstream {
  url: string;
  port: number;
  seen: Seen[];
  /** Resolves the next time a request to `/hang` is closed by its client (the proxy). */
  hangClosed(): Promise<void>;
  /** Resolves the next time a `/stream` response is closed before it ended. */
  streamClosed(): Promise<void>;
  /** Lets `/stream` send its last chunk. */
  releaseStream(): void;
  hits(path: string): number;
  stop(): Promise<void>;
}

/** Bytes 0–255 twice: not UTF-8, so a body that arrives intact arrived as bytes. */
export const BINARY = Buffer.from([...Array(512).keys()].map((i) => i % 256));

/**
 * A real HTTP server for the proxy tests, started on a free port:
 *  /binary   answers BINARY as application/octet-stream
 *  /stream   answers a chunked body: "first", then (after releaseStream()) "last"
 *  /hang     never answers
 *  /users/…  answers JSON {path, auth} with a Set-Cookie (and echoes the Authorization it got)
 *  /repeated answers text with repeated header lines (two Link, two X-Tag, two Set-Cookie)
 *  anything else echoes the request as JSON, with hop-by-hop headers of its own
 */
export async function startUpstream(port = 0): Promise<Upstream> {
  const seen: Seen[] = [];
  const hits = new Map<string, number>();
  let hangListeners: (() => void)[] = [];
  let streamListeners: (() => void)[] = [];
  let release: () => void = () => undefined;
  let released = new Promise<void>((r) => (release = r));
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const path = (req.url ?? '/').split('?')[0]!;
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      hits.set(path, (hits.get(path) ?? 0) + 1);
      if (path === '/binary') {
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'x-upstream': 'yes' });
        res.end(BINARY);
      } else if (path === '/stream') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('first;');
        res.on('close', () => {
          if (res.writableFinished) return;
          const ls = streamListeners;
          streamListeners = [];
          for (const l of ls) l();
        });
        void released.then(() => {
          res.end('last');
          released = new Promise<void>((r) => (release = r));
        });
      } else if (path === '/repeated') {
        res.writeHead(200, [
          ['Content-Type', 'text/plain'],
          ['Link', '</a>; rel="next"'],
          ['X-Tag', 'one'],
          ['Set-Cookie', 'sid=cookie-secret-value; HttpOnly'],
          ['Link', '</b>; rel="prev"'],
          ['X-Tag', 'two'],
          ['Set-Cookie', 'theme=dark'],
        ]);
        res.end('repeated');
      } else if (path === '/hang') {
        res.on('close', () => {
          const ls = hangListeners;
          hangListeners = [];
          for (const l of ls) l();
        });
      } else if (path.startsWith('/users/')) {
        // Slow enough that concurrent identical requests overlap.
        setTimeout(() => {
          res.writeHead(200, {
            'content-type': 'application/json',
            'set-cookie': ['session=cookie-secret-value; HttpOnly', 'theme=dark'],
            'x-user': 'yes',
          });
          res.end(
            JSON.stringify({ path, auth: req.headers.authorization ?? null, cookie: req.headers.cookie ?? null }),
          );
        }, 50);
      } else {
        res.writeHead(201, {
          'content-type': 'application/json',
          'keep-alive': 'timeout=5',
          'x-echo': 'yes',
          'proxy-authenticate': 'Basic',
        });
        res.end(
          req.method === 'HEAD'
            ? undefined
            : JSON.stringify({ method: req.method, url: req.url, body: body.toString('base64') }),
        );
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    seen,
    hangClosed: () => new Promise<void>((r) => hangListeners.push(r)),
    streamClosed: () => new Promise<void>((r) => streamListeners.push(r)),
    releaseStream: () => release(),
    hits: (p) => hits.get(p) ?? 0,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
