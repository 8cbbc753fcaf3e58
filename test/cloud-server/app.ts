import { Readable } from 'node:stream';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { ZodError } from 'zod';
import { registerAccountControlRoutes } from './account/control';
import { registerAccountRoutes } from './account/routes';
import { LoginLockout } from './auth/lockout';
import { registerOAuthRoutes } from './auth/oauth';
import { registerAuthRoutes } from './auth/routes';
import { registerBillingRoutes } from './billing/routes';
import type { ServerContext } from './context';
import { registerDeploymentRoutes } from './deployments/routes';
import { registerControlRoutes } from './faults/control';
import { registerHealthRoutes } from './health/routes';
import { registerHelpRoutes } from './help/routes';
import { registerHostedRoutes } from './hosted/routes';
import { CloudError, sendError, validationFailed } from './http/errors';
import { resolvePrincipal } from './http/principal';
import type { RateState } from './http/rate-limit';
import { RateLimiter, setRateHeaders } from './http/rate-limit';
import { registerMarketplaceRoutes } from './marketplace/routes';
import { registerOrgRoutes } from './orgs/routes';
import { registerProjectRoutes } from './projects/routes';
import { registerTeamRoutes } from './team/routes';
import { registerTokenRoutes } from './tokens/routes';

declare module 'fastify' {
  interface FastifyRequest {
    rate: RateState | null;
  }
}

const isApi = (url: string): boolean => url === '/api/v1' || url.startsWith('/api/v1/') || url.startsWith('/api/v1?');
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface BuiltApp {
  app: FastifyInstance;
  limiter: RateLimiter;
  lockout: LoginLockout;
}

export function buildApp(ctx: ServerContext): BuiltApp {
  // trustProxy lets tests present several client IPs via X-Forwarded-For (per-IP lockout).
  const app = Fastify({ logger: false, trustProxy: true, bodyLimit: 10 * 1024 * 1024 });
  const limiter = new RateLimiter(ctx);
  const lockout = new LoginLockout(ctx);

  // Lenient JSON: an empty body with a JSON content type (common on DELETE) is no body.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new CloudError(400, 'VALIDATION_FAILED', 'Request body is not valid JSON', {}), undefined);
    }
  });

  app.decorateRequest('principal', null);
  app.decorateRequest('authProblem', null);
  app.decorateRequest('fault', null);
  app.decorateRequest('rate', null);

  app.addHook('onRequest', async (req, reply) => {
    if (!isApi(req.url)) return;
    await resolvePrincipal(ctx, req);
    try {
      req.rate = limiter.consume(req);
    } catch (e) {
      if (e instanceof CloudError) return sendError(reply, e);
      throw e;
    }
    const fault = ctx.faults.decide(req.url.split('?')[0] ?? req.url);
    req.fault = fault;
    if (fault && fault.slowMs > 0) await sleep(fault.slowMs);
    if (fault?.fail500) {
      return sendError(
        reply,
        new CloudError(500, 'INTERNAL_ERROR', 'Internal server error (injected fault)', { fault: 'fail500' }),
      );
    }
    if (fault && fault.rateLimitRetryAfter !== null) {
      const after = fault.rateLimitRetryAfter;
      return sendError(
        reply,
        new CloudError(
          429,
          'RATE_LIMIT_EXCEEDED',
          'Rate limit exceeded',
          { retry_after_seconds: after, fault: 'rateLimit' },
          { 'Retry-After': String(after) },
        ),
      );
    }
    return undefined;
  });

  app.addHook('onSend', async (req, reply, payload) => {
    setRateHeaders(reply, req.rate ?? limiter.peek(req));
    if (req.fault?.drop) return dropMidResponse(reply, payload);
    return payload;
  });

  app.setErrorHandler((err, _req, reply) => sendError(reply, toCloudError(err)));
  app.setNotFoundHandler((req, reply) =>
    sendError(
      reply,
      new CloudError(404, 'NOT_FOUND', `Route ${req.method} ${req.url.split('?')[0]} not found`, {
        method: req.method,
        path: req.url.split('?')[0],
      }),
    ),
  );

  registerHealthRoutes(app, ctx);
  registerControlRoutes(app, ctx, { limiter, lockout });
  registerAuthRoutes(app, ctx, lockout);
  registerOAuthRoutes(app, ctx);
  registerOrgRoutes(app, ctx);
  registerTeamRoutes(app, ctx);
  registerTokenRoutes(app, ctx);
  registerBillingRoutes(app, ctx);
  registerProjectRoutes(app, ctx);
  registerDeploymentRoutes(app, ctx);
  registerAccountRoutes(app, ctx);
  registerHelpRoutes(app, ctx);
  registerAccountControlRoutes(app, ctx);
  registerMarketplaceRoutes(app, ctx);
  void app.register(async (scope) => registerHostedRoutes(scope, ctx));
  return { app, limiter, lockout };
}

function toCloudError(err: unknown): CloudError {
  if (err instanceof CloudError) return err;
  if (err instanceof ZodError) return validationFailed(err);
  const e = err as { statusCode?: number; code?: string; message?: string };
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    if (e.statusCode === 413)
      return new CloudError(413, 'PAYLOAD_TOO_LARGE', e.message ?? 'Request body is too large', {});
    if (e.statusCode === 415)
      return new CloudError(415, 'UNSUPPORTED_MEDIA_TYPE', e.message ?? 'Unsupported content type', {});
    return new CloudError(400, 'VALIDATION_FAILED', e.message ?? 'Bad request', { fastify_code: e.code });
  }
  return new CloudError(500, 'INTERNAL_ERROR', 'Internal server error', { message: e.message ?? String(err) });
}

/**
 * Sends the status line, headers and half the body, then kills the socket: the handler's
 * writes are committed but the client sees a broken response, as after a network drop.
 */
function dropMidResponse(reply: FastifyReply, payload: unknown): Readable {
  const buf = Buffer.isBuffer(payload) ? payload : Buffer.from(typeof payload === 'string' ? payload : '');
  const chunk = buf.length >= 2 ? buf.subarray(0, Math.floor(buf.length / 2)) : Buffer.from(' ');
  reply.header('content-length', String(Math.max(buf.length, 2)));
  const stream = new Readable({ read() {} });
  stream.push(chunk);
  setTimeout(() => stream.destroy(new Error('injected fault: connection dropped after the handler ran')), 20);
  return stream;
}
