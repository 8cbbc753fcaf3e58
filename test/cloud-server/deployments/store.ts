import { randomUUID } from 'node:crypto';
import type { ServerContext } from '../context';
import { nowIso } from '../context';
import { notFound } from '../http/errors';
import { getOrg } from '../orgs/store';

export const DEPLOYMENT_STATUSES = ['deploying', 'active', 'failed', 'stopped'] as const;
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];
export type HealthStatus = 'unknown' | 'healthy' | 'unhealthy';
export const LOG_LEVELS = ['info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface DeploymentRow {
  id: string;
  org_id: string;
  project_id: string;
  name: string;
  slug: string;
  description: string | null;
  openapi_spec_url: string | null;
  config_json: string;
  status: DeploymentStatus;
  health_status: HealthStatus;
  created_at: string;
  updated_at: string;
}

export function insertDeployment(
  ctx: ServerContext,
  f: {
    orgId: string;
    projectId: string;
    name: string;
    slug: string;
    description: string | null;
    openapiSpecUrl: string | null;
    config: Record<string, unknown>;
  },
): DeploymentRow {
  const now = nowIso(ctx);
  const row: DeploymentRow = {
    id: randomUUID(),
    org_id: f.orgId,
    project_id: f.projectId,
    name: f.name,
    slug: f.slug,
    description: f.description,
    openapi_spec_url: f.openapiSpecUrl,
    config_json: JSON.stringify(f.config),
    status: 'deploying',
    health_status: 'unknown',
    created_at: now,
    updated_at: now,
  };
  ctx.db
    .stmt(
      `INSERT INTO deployments (id, org_id, project_id, name, slug, description, openapi_spec_url, config_json, status, health_status, created_at, updated_at)
       VALUES (@id, @org_id, @project_id, @name, @slug, @description, @openapi_spec_url, @config_json, @status, @health_status, @created_at, @updated_at)`,
    )
    .run(row);
  return row;
}

export const findDeployment = (ctx: ServerContext, id: string): DeploymentRow | undefined =>
  ctx.db.stmt('SELECT * FROM deployments WHERE id = ?').get(id) as DeploymentRow | undefined;

export function requireDeployment(ctx: ServerContext, orgId: string, id: string): DeploymentRow {
  const d = findDeployment(ctx, id);
  if (!d || d.org_id !== orgId) throw notFound('DEPLOYMENT_NOT_FOUND', 'deployment', id);
  return d;
}

export const slugTaken = (ctx: ServerContext, orgId: string, slug: string): boolean =>
  ctx.db.stmt('SELECT 1 FROM deployments WHERE org_id = ? AND slug = ?').get(orgId, slug) !== undefined;

export const findHosted = (ctx: ServerContext, orgSlug: string, slug: string): DeploymentRow | undefined =>
  ctx.db
    .stmt('SELECT d.* FROM deployments d JOIN orgs o ON o.id = d.org_id WHERE o.slug = ? AND d.slug = ?')
    .get(orgSlug, slug) as DeploymentRow | undefined;

export function listDeployments(
  ctx: ServerContext,
  orgId: string,
  filter: { status?: string | undefined; projectId?: string | undefined },
): DeploymentRow[] {
  return ctx.db
    .stmt(
      `SELECT * FROM deployments WHERE org_id = @org AND (@status IS NULL OR status = @status) AND (@project IS NULL OR project_id = @project)
       ORDER BY created_at, rowid`,
    )
    .all({ org: orgId, status: filter.status ?? null, project: filter.projectId ?? null }) as DeploymentRow[];
}

export function setStatus(
  ctx: ServerContext,
  id: string,
  status: DeploymentStatus,
  health: HealthStatus,
): DeploymentRow | undefined {
  ctx.db
    .stmt('UPDATE deployments SET status = ?, health_status = ?, updated_at = ? WHERE id = ?')
    .run(status, health, nowIso(ctx), id);
  return findDeployment(ctx, id);
}

export const deleteDeployment = (ctx: ServerContext, id: string): void => {
  ctx.db.stmt('DELETE FROM deployments WHERE id = ?').run(id);
};

export function addLog(ctx: ServerContext, deploymentId: string, level: LogLevel, message: string): void {
  ctx.db
    .stmt('INSERT INTO deployment_logs (id, deployment_id, level, message, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(randomUUID(), deploymentId, level, message, nowIso(ctx));
}

export function listLogs(ctx: ServerContext, deploymentId: string, limit: number, level: LogLevel | undefined) {
  return ctx.db
    .stmt(
      `SELECT id, level, message, created_at FROM deployment_logs WHERE deployment_id = @id AND (@level IS NULL OR level = @level)
       ORDER BY seq DESC LIMIT @limit`,
    )
    .all({ id: deploymentId, level: level ?? null, limit }) as Array<{
    id: string;
    level: LogLevel;
    message: string;
    created_at: string;
  }>;
}

/** Hosted URL: `${baseUrl}/hosted/${orgSlug}/${slug}` (this server's stand-in for https://my-org.mockforge.dev/slug). */
export function deploymentUrl(ctx: ServerContext, d: DeploymentRow): string {
  const org = getOrg(ctx, d.org_id);
  return `${ctx.baseUrl}/hosted/${org?.slug ?? 'unknown'}/${d.slug}`;
}

export const parseConfig = (d: DeploymentRow): Record<string, unknown> =>
  JSON.parse(d.config_json) as Record<string, unknown>;
