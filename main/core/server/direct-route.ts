import http, { type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { parse as parseQuery } from 'fast-querystring';
import {
  EMPTY_BODY,
  pathAfter,
  pathAfterSlug,
  serveMock,
  slugEnd,
  type ExecutionDeps,
  type MockRequest,
  type Target,
} from './execution';
import type { AppServers } from './graceful-close';
import { httpServerOptions, type HttpLimits } from './http-limits';

/**
 * Serves a request straight from Node's HTTP server, ahead of fastify, or returns false to
 * leave it to fastify. Mock requests without a body (most GETs a test client sends) need
 * nothing fastify adds: no body to read under the limit, no hooks, no reply pipeline, and the
 * project's own router matches the path anyway. Skipping its request and reply objects and
 * its router is a measurable share of what such a request costs (docs/performance.md).
 */
export type DirectRoute = (req: IncomingMessage, res: ServerResponse) => boolean;

const NO_QUERY: Record<string, string | string[]> = Object.freeze({}) as Record<string, string | string[]>;

/**
 * Requests with a body (a length, or chunked) go through fastify, which reads it under the
 * body limit and answers a too-large one with §8's error shape.
 */
const hasBody = (req: IncomingMessage): boolean =>
  req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined;

/** `/m/<slug>/<path>` on the main listener. */
export function directMockRoute(exec: ExecutionDeps): DirectRoute {
  return (req, res) => {
    const url = req.url ?? '';
    if (!url.startsWith('/m/') || hasBody(req)) return false;
    const slug = url.slice(3, slugEnd(url));
    // An empty slug is not a mock URL; a percent-encoded one is decoded (and judged) by fastify's router.
    if (slug === '' || slug.includes('%')) return false;
    return serve(exec, req, res, { slug }, pathAfterSlug(url), url, url.indexOf('?'));
  };
}

/** Every path on a project's dedicated port. */
export function directProjectRoute(exec: ExecutionDeps, projectId: string): DirectRoute {
  const target = { projectId };
  return (req, res) => {
    if (hasBody(req)) return false;
    const url = req.url ?? '/';
    return serve(exec, req, res, target, pathAfter(url, 0), url, url.indexOf('?'));
  };
}

function serve(
  exec: ExecutionDeps,
  req: IncomingMessage,
  res: ServerResponse,
  target: Target,
  path: string,
  url: string,
  q: number,
): true {
  const view: MockRequest = {
    method: req.method ?? 'GET',
    headers: req.headers,
    // The parser fastify's router uses, so both ways in read a query string alike.
    query: q < 0 ? NO_QUERY : (parseQuery(url.slice(q + 1)) as Record<string, string | string[]>),
    body: EMPTY_BODY,
    ip: req.socket.remoteAddress ?? '',
  };
  try {
    serveMock(exec, view, res, target, path)?.catch((e: unknown) => broken(res, e));
  } catch (e) {
    broken(res, e);
  }
  return true;
}

/** serveMock answers every error it can; what escapes it happened mid-write. */
function broken(res: ServerResponse, e: unknown): void {
  console.error('mock request failed while its answer was being written', e);
  res.destroy();
}

/**
 * fastify's `serverFactory`: the HTTP server fastify would make (same keep-alive timeout),
 * with `direct` asked first for every request, the request timeouts of `limits` (the same for
 * both ways in, since they share the server), and each server registered in `servers` so a
 * stop can cut its connections (graceful-close.ts).
 */
export function serverWithDirectRoute(direct: DirectRoute, limits: HttpLimits, servers: AppServers) {
  return (handler: RequestListener, options: Record<string, unknown>): Server => {
    const server = http.createServer(
      { ...((options.http ?? {}) as http.ServerOptions), ...httpServerOptions(limits) },
      (req, res) => {
        // While the app closes, answers end their connection: keep-alive clients move on.
        if (servers.draining) res.shouldKeepAlive = false;
        if (!direct(req, res)) handler(req, res);
      },
    );
    server.keepAliveTimeout = options.keepAliveTimeout as number;
    server.setTimeout(options.connectionTimeout as number);
    const perSocket = options.maxRequestsPerSocket as number;
    if (perSocket > 0) server.maxRequestsPerSocket = perSocket;
    servers.add(server);
    return server;
  };
}
