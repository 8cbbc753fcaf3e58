import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CORS_HEADERS, executeRequest } from '../../../main/core/engine';
import type { ServerContext } from '../context';
import { nowIso } from '../context';
import { addLog, findHosted, parseConfig, setStatus } from '../deployments/store';
import type { LogLevel } from '../deployments/store';
import { CloudError } from '../http/errors';
import { findProject } from '../projects/repo';
import { CompileCache } from './compile-cache';

type HostedParams = { orgSlug: string; slug: string; '*'?: string };

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const;

/**
 * ANY /hosted/:orgSlug/:slug/* runs the deployed project through the real engine.
 * Registered in its own plugin scope so every body arrives raw (conditions may read it).
 */
export function registerHostedRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const cache = new CompileCache(ctx);
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  const handler = async (req: FastifyRequest<{ Params: HostedParams }>, reply: FastifyReply) => {
    const started = performance.now();
    if (req.method === 'OPTIONS') return reply.code(204).headers(CORS_HEADERS).send();
    const d = findHosted(ctx, req.params.orgSlug, req.params.slug);
    const fail = (e: CloudError) =>
      reply
        .code(e.status)
        .headers({ ...CORS_HEADERS, ...e.headers })
        .send(e.body());
    if (!d)
      return fail(
        new CloudError(404, 'DEPLOYMENT_NOT_FOUND', 'No deployment at this URL', {
          org: req.params.orgSlug,
          slug: req.params.slug,
        }),
      );
    if (d.status === 'stopped')
      return fail(
        new CloudError(404, 'DEPLOYMENT_STOPPED', 'This deployment is stopped', {
          deployment_id: d.id,
          status: d.status,
        }),
      );
    if (d.status === 'deploying') {
      return fail(
        new CloudError(
          503,
          'DEPLOYMENT_NOT_READY',
          'This deployment is still deploying',
          { deployment_id: d.id, status: d.status },
          { 'Retry-After': '1' },
        ),
      );
    }
    const project = d.status === 'active' ? findProject(ctx, d.project_id) : undefined;
    if (!project) {
      if (d.status === 'active') {
        addLog(ctx, d.id, 'error', `Deployment failed: project ${d.project_id} no longer exists`);
        setStatus(ctx, d.id, 'failed', 'unhealthy');
      }
      return fail(
        new CloudError(503, 'DEPLOYMENT_FAILED', 'This deployment failed and serves nothing', {
          deployment_id: d.id,
          status: 'failed',
        }),
      );
    }

    const path = `/${req.params['*'] ?? ''}`;
    const expand = parseConfig(d)['response_template_expand'] === true;
    const result = executeRequest(
      cache.get(project, expand),
      {
        method: req.method,
        path,
        headers: req.headers,
        query: req.query as Record<string, string | string[]>,
        rawBody: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
        ...(req.headers['content-type'] ? { contentType: req.headers['content-type'] } : {}),
      },
      { random: Math.random },
    );
    if (result.pending) await result.pending;
    if (result.delayMs > 0) await new Promise((r) => setTimeout(r, result.delayMs));

    const ms = performance.now() - started;
    ctx.db
      .stmt(
        'INSERT INTO hosted_requests (deployment_id, org_id, method, path, status, duration_ms, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(d.id, d.org_id, req.method, path, result.status, ms, nowIso(ctx));
    const level: LogLevel = result.status >= 500 ? 'error' : result.status >= 400 ? 'warn' : 'info';
    const why = result.errorCode ? ` ${result.errorCode}` : '';
    addLog(ctx, d.id, level, `${req.method} ${path} -> ${result.status}${why} (${Math.round(ms)} ms)`);
    return reply.code(result.status).headers(result.headers).send(result.body);
  };

  for (const url of ['/hosted/:orgSlug/:slug', '/hosted/:orgSlug/:slug/*']) {
    app.route<{ Params: HostedParams }>({ method: [...METHODS], url, exposeHeadRoute: false, handler });
  }
}
