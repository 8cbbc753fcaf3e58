import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { slugSchema } from '../../../shared/models';
import { PLAN_LIMITS } from '../billing/plans';
import type { ServerContext } from '../context';
import { nowIso } from '../context';
import { CloudError, conflict, notFound, parseBody, resourceLimit } from '../http/errors';
import { currentOrg, requireAuth } from '../http/principal';
import { findProject } from '../projects/repo';
import { activate, scheduleReady } from './lifecycle';
import { deploymentMetrics } from './metrics';
import type { DeploymentRow } from './store';
import {
  addLog,
  DEPLOYMENT_STATUSES,
  deleteDeployment,
  deploymentUrl,
  insertDeployment,
  listDeployments,
  listLogs,
  LOG_LEVELS,
  parseConfig,
  requireDeployment,
  setStatus,
  slugTaken,
} from './store';

const createSchema = z.object({
  name: z.string().trim().min(1, 'name is required').max(200),
  slug: slugSchema,
  description: z.string().max(5000).nullable().optional(),
  project_id: z.string().min(1, 'project_id is required: this server deploys MockBird projects'),
  openapi_spec_url: z.url().nullable().optional(),
  config_json: z.record(z.string(), z.unknown()).default({}),
});
const statusSchema = z.object({
  status: z.enum(['stopped', 'active'], { message: 'status must be "stopped" or "active"' }),
});
const listQuery = z.object({ status: z.enum(DEPLOYMENT_STATUSES).optional(), project_id: z.string().optional() });
const logsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  level: z.enum(LOG_LEVELS).optional(),
});
const iso = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });
const metricsQuery = z.object({ start_time: iso.optional(), end_time: iso.optional() });

export function registerDeploymentRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const scope = (req: FastifyRequest) => currentOrg(ctx, req, requireAuth(req));
  const summary = (d: DeploymentRow) => ({
    id: d.id,
    name: d.name,
    slug: d.slug,
    project_id: d.project_id,
    status: d.status,
    health_status: d.health_status,
    url: deploymentUrl(ctx, d),
    created_at: d.created_at,
  });
  const detail = (d: DeploymentRow) => ({
    id: d.id,
    org_id: d.org_id,
    project_id: d.project_id,
    name: d.name,
    slug: d.slug,
    description: d.description,
    status: d.status,
    health_status: d.health_status,
    url: deploymentUrl(ctx, d),
    openapi_spec_url: d.openapi_spec_url,
    config_json: parseConfig(d),
    created_at: d.created_at,
    updated_at: d.updated_at,
  });

  app.post('/api/v1/deployments', async (req, reply) => {
    const org = scope(req);
    const body = parseBody(createSchema, req.body);
    const limits = PLAN_LIMITS[org.plan];
    if (!limits.hosted_mocks) {
      throw resourceLimit(`Hosted mocks are not included in the ${org.plan} plan`, {
        limit: 'hosted_mocks',
        plan: org.plan,
        hint: 'Upgrade to pro or team',
      });
    }
    // Checked up front (not as a "failed" deployment) so the caller learns at once.
    const project = findProject(ctx, body.project_id);
    if (!project || project.org_id !== org.id) throw notFound('PROJECT_NOT_FOUND', 'project', body.project_id);
    if (slugTaken(ctx, org.id, body.slug)) {
      throw conflict(`A deployment with slug "${body.slug}" already exists in this organization`, {
        field: 'slug',
        resource: 'deployment',
        slug: body.slug,
      });
    }
    const d = insertDeployment(ctx, {
      orgId: org.id,
      projectId: project.id,
      name: body.name,
      slug: body.slug,
      description: body.description ?? null,
      openapiSpecUrl: body.openapi_spec_url ?? null,
      config: body.config_json,
    });
    addLog(ctx, d.id, 'info', `Deployment started for project "${project.name}"`);
    scheduleReady(ctx, d);
    return reply.code(201).send({
      id: d.id,
      org_id: d.org_id,
      name: d.name,
      slug: d.slug,
      status: d.status,
      health_status: d.health_status,
      url: deploymentUrl(ctx, d),
      created_at: d.created_at,
    });
  });

  app.get('/api/v1/deployments', async (req) => {
    const org = scope(req);
    const q = listQuery.parse(req.query);
    return listDeployments(ctx, org.id, { status: q.status, projectId: q.project_id }).map(summary);
  });

  app.get<{ Params: { id: string } }>('/api/v1/deployments/:id', async (req) =>
    detail(requireDeployment(ctx, scope(req).id, req.params.id)),
  );

  app.put<{ Params: { id: string } }>('/api/v1/deployments/:id/status', async (req) => {
    const d = requireDeployment(ctx, scope(req).id, req.params.id);
    const { status } = parseBody(statusSchema, req.body);
    let next: DeploymentRow | undefined;
    if (status === 'stopped') {
      addLog(ctx, d.id, 'info', 'Deployment stopped');
      next = setStatus(ctx, d.id, 'stopped', 'unknown');
    } else {
      if (!findProject(ctx, d.project_id)) {
        throw new CloudError(409, 'CONFLICT', 'The deployed project no longer exists; create a new deployment', {
          project_id: d.project_id,
        });
      }
      next = activate(ctx, d);
    }
    const row = next ?? d;
    return { id: row.id, status: row.status, updated_at: row.updated_at };
  });

  app.delete<{ Params: { id: string } }>('/api/v1/deployments/:id', async (req) => {
    const d = requireDeployment(ctx, scope(req).id, req.params.id);
    deleteDeployment(ctx, d.id);
    return { success: true, message: 'Deployment deleted successfully' };
  });

  app.get<{ Params: { id: string } }>('/api/v1/deployments/:id/logs', async (req) => {
    const d = requireDeployment(ctx, scope(req).id, req.params.id);
    const q = logsQuery.parse(req.query);
    return listLogs(ctx, d.id, q.limit, q.level);
  });

  app.get<{ Params: { id: string } }>('/api/v1/deployments/:id/metrics', async (req) => {
    const d = requireDeployment(ctx, scope(req).id, req.params.id);
    const q = metricsQuery.parse(req.query);
    const start = q.start_time ? new Date(q.start_time).toISOString() : d.created_at;
    const end = q.end_time ? new Date(q.end_time).toISOString() : nowIso(ctx);
    return deploymentMetrics(ctx, d, start, end);
  });
}
