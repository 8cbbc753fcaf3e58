import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { ERROR_HEADERS, transportError } from '../engine';
import { directMockRoute, directProjectRoute, serverWithDirectRoute, type DirectRoute } from './direct-route';
import {
  EMPTY_BODY,
  serveMock,
  pathAfter,
  pathAfterSlug,
  type ExecutionDeps,
  type MockRequest,
  type Target,
} from './execution';
import type { FederationServing } from './federation-serving';
import { AppServers, type ShutdownGrace } from './graceful-close';
import type { HttpLimits } from './http-limits';
import type { MountRoutes } from './types';

/** Mock requests may carry bodies of any type and size a test client sends; 10 MiB is plenty. */
const MOCK_BODY_LIMIT = 10 * 1024 * 1024;

/** The servers of each app built here, for closeApp(). */
const serversOf = new WeakMap<FastifyInstance, AppServers>();

/** A fastify app whose HTTP server first offers each request to `direct` (see direct-route.ts). */
function baseApp(direct: DirectRoute, limits: HttpLimits): FastifyInstance {
  const servers = new AppServers();
  // Failures are logged by the management API's error handler through the app's Logger (with
  // the request's id), not by fastify's logger. Random ids: they are quoted in bug reports.
  const app = Fastify({
    logger: false,
    genReqId: () => randomUUID(),
    bodyLimit: MOCK_BODY_LIMIT,
    requestTimeout: limits.requestTimeoutMs,
    serverFactory: serverWithDirectRoute(direct, limits, servers),
  });
  serversOf.set(app, servers);
  return app;
}

/**
 * Closes an app built here: stops accepting, lets requests in flight finish until `grace`
 * ends, then destroys every connection left, so no client can hold the close up.
 */
export function closeApp(app: FastifyInstance, grace: ShutdownGrace): Promise<void> {
  const servers = serversOf.get(app);
  return servers ? servers.close(() => app.close(), grace) : app.close();
}

/**
 * The fastify side of serving a mock: requests with a body (read by rawBodies), and any
 * request made through inject(). The answer is written on the raw response, so the reply
 * is hijacked: fastify's send pipeline would only add cost.
 */
function viaFastify(exec: ExecutionDeps, req: FastifyRequest, reply: FastifyReply, target: Target, path: string) {
  reply.hijack();
  return serveMock(exec, mockRequestOf(req), reply.raw, target, path);
}

const mockRequestOf = (req: FastifyRequest): MockRequest => ({
  method: req.method,
  headers: req.headers,
  query: req.query as Record<string, string | string[]>,
  body: Buffer.isBuffer(req.body) ? req.body : EMPTY_BODY,
  ip: req.ip,
});

/**
 * Every body on the execution routes, of any content type, is kept as the bytes received
 * (within the body limit): a malformed JSON body is not an error for a mock, and a binary
 * upload is not decoded into text it is not. The engine decodes it only when a condition
 * reads it. Errors fastify raises before our handler (body too large…) still answer in §8's
 * JSON shape with the CORS headers.
 */
function rawBodies(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    '*',
    { parseAs: 'buffer' },
    (_req: FastifyRequest, body: string | Buffer, done: (e: Error | null, b?: unknown) => void) =>
      done(null, typeof body === 'string' ? Buffer.from(body, 'utf8') : body),
  );
  // Runs for failures before serveMock (which answers its own errors), so these requests are not logged.
  app.setErrorHandler((error, _req, reply) => {
    const status = (error as { statusCode?: unknown }).statusCode;
    if (typeof status !== 'number' || status >= 500) {
      const e = transportError('INTERNAL_ERROR', 'MockDeck could not serve this request; see the app log');
      return reply.code(e.status).headers(e.headers).send(e.body);
    }
    const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST';
    const message = error instanceof Error ? error.message : String(error);
    return reply
      .code(status)
      .headers(ERROR_HEADERS)
      .send(JSON.stringify({ error: code, message }));
  });
}

export interface MainAppOptions {
  exec: ExecutionDeps;
  /** The routes beside /m/ (the management REST API), and what they need to know. */
  routes: MountRoutes;
  token: string;
  dataDir: string | null;
  limits: HttpLimits;
  /** Serves /f/<federation-name>/* (federation-serving.ts); absent: no federation routes. */
  federations?: FederationServing | undefined;
}

/** The main listener: /m/:slug/* (public) and the management REST API (Bearer token). */
export async function buildMainApp(opts: MainAppOptions): Promise<FastifyInstance> {
  const app = baseApp(directMockRoute(opts.exec), opts.limits);
  await app.register(async (m) => {
    rawBodies(m);
    const handler = (req: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply) =>
      viaFastify(opts.exec, req, reply, { slug: req.params.slug }, pathAfterSlug(req.url));
    m.all('/m/:slug', handler);
    m.all('/m/:slug/*', handler);
    const federations = opts.federations;
    if (federations) {
      // Through fastify, never the direct route: /m/'s hot path does not look for /f/.
      const federated = (req: FastifyRequest<{ Params: { name: string } }>, reply: FastifyReply) => {
        reply.hijack();
        return federations.serve(opts.exec, mockRequestOf(req), reply.raw, req.params.name, pathAfterSlug(req.url));
      };
      m.all('/f/:name', federated);
      m.all('/f/:name/*', federated);
    }
  });
  await opts.routes(app, { token: opts.token, dataDir: opts.dataDir });
  return app;
}

/** A dedicated port: one project's mocks at the root (http://localhost:4000/users). */
export async function buildProjectApp(
  exec: ExecutionDeps,
  projectId: string,
  limits: HttpLimits,
): Promise<FastifyInstance> {
  const app = baseApp(directProjectRoute(exec, projectId), limits);
  rawBodies(app);
  const target = { projectId };
  const handler = (req: FastifyRequest, reply: FastifyReply) =>
    viaFastify(exec, req, reply, target, pathAfter(req.url, 0));
  app.all('/', handler);
  app.all('/*', handler);
  return app;
}
