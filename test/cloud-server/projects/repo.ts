import { randomUUID } from 'node:crypto';
import { slugify } from '../../../shared/models';
import type { ServerContext } from '../context';
import { bumpRevision, nowIso } from '../context';
import { conflict, notFound } from '../http/errors';
import type { ProjectRow } from './rows';

/* Every write bumps the project's revision so hosted deployments recompile on next request. */

export interface ProjectFields {
  name: string;
  description: string;
  isPublic: boolean;
  templatingSeed?: number | null | undefined;
  slug?: string | undefined;
  port?: number | null | undefined;
}

export function listProjects(
  ctx: ServerContext,
  orgId: string,
  search?: string,
): Array<ProjectRow & { mock_count: number }> {
  const like = `%${(search ?? '').toLowerCase()}%`;
  return ctx.db
    .stmt(
      `SELECT p.*, (SELECT COUNT(*) FROM mocks m WHERE m.project_id = p.id) AS mock_count FROM projects p
       WHERE p.org_id = ? AND (LOWER(p.name) LIKE ? OR LOWER(p.description) LIKE ?) ORDER BY p.created_at, p.rowid`,
    )
    .all(orgId, like, like) as Array<ProjectRow & { mock_count: number }>;
}

export const countProjects = (ctx: ServerContext, orgId: string): number =>
  (ctx.db.stmt('SELECT COUNT(*) AS n FROM projects WHERE org_id = ?').get(orgId) as { n: number }).n;

export const findProject = (ctx: ServerContext, id: string): ProjectRow | undefined =>
  ctx.db.stmt('SELECT * FROM projects WHERE id = ?').get(id) as ProjectRow | undefined;

/** A project of another org is reported as missing, so ids from other tenants leak nothing. */
export function requireProject(ctx: ServerContext, orgId: string, id: string): ProjectRow {
  const p = findProject(ctx, id);
  if (!p || p.org_id !== orgId) throw notFound('PROJECT_NOT_FOUND', 'project', id);
  return p;
}

function slugFor(
  ctx: ServerContext,
  orgId: string,
  fields: { name: string; slug?: string | undefined },
  exceptId?: string,
): string {
  const taken = (s: string) => {
    const row = ctx.db.stmt('SELECT id FROM projects WHERE org_id = ? AND slug = ?').get(orgId, s) as
      { id: string } | undefined;
    return row !== undefined && row.id !== exceptId;
  };
  if (fields.slug !== undefined) {
    if (taken(fields.slug))
      throw conflict(`slug "${fields.slug}" is already used by another project`, {
        field: 'slug',
        resource: 'project',
      });
    return fields.slug;
  }
  const base = slugify(fields.name);
  for (let i = 1; ; i++) {
    const s = i === 1 ? base : `${base}-${i}`;
    if (!taken(s)) return s;
  }
}

export function insertProject(ctx: ServerContext, orgId: string, userId: string, f: ProjectFields): ProjectRow {
  const now = nowIso(ctx);
  const row: ProjectRow = {
    id: randomUUID(),
    org_id: orgId,
    user_id: userId,
    name: f.name,
    description: f.description,
    slug: slugFor(ctx, orgId, f),
    is_public: f.isPublic ? 1 : 0,
    templating_seed: f.templatingSeed ?? null,
    port: f.port ?? null,
    created_at: now,
    updated_at: now,
  };
  ctx.db
    .stmt(
      `INSERT INTO projects (id, org_id, user_id, name, description, slug, is_public, templating_seed, port, created_at, updated_at)
       VALUES (@id, @org_id, @user_id, @name, @description, @slug, @is_public, @templating_seed, @port, @created_at, @updated_at)`,
    )
    .run(row);
  bumpRevision(ctx, row.id);
  return row;
}

export function updateProject(ctx: ServerContext, p: ProjectRow, f: Partial<ProjectFields>): ProjectRow {
  const next: ProjectRow = {
    ...p,
    name: f.name ?? p.name,
    description: f.description ?? p.description,
    is_public: f.isPublic === undefined ? p.is_public : f.isPublic ? 1 : 0,
    slug: f.slug === undefined ? p.slug : slugFor(ctx, p.org_id, { name: p.name, slug: f.slug }, p.id),
    templating_seed: f.templatingSeed === undefined ? p.templating_seed : f.templatingSeed,
    port: f.port === undefined ? p.port : f.port,
    updated_at: nowIso(ctx),
  };
  ctx.db
    .stmt(
      'UPDATE projects SET name=@name, description=@description, is_public=@is_public, templating_seed=@templating_seed, slug=@slug, port=@port, updated_at=@updated_at WHERE id=@id',
    )
    .run(next);
  bumpRevision(ctx, p.id);
  return next;
}

export function deleteProject(ctx: ServerContext, id: string): void {
  ctx.db.stmt('DELETE FROM projects WHERE id = ?').run(id);
  bumpRevision(ctx, id);
}

/** Child writes move the project's updated_at and revision. */
export function touchProject(ctx: ServerContext, projectId: string): void {
  ctx.db.stmt('UPDATE projects SET updated_at = ? WHERE id = ?').run(nowIso(ctx), projectId);
  bumpRevision(ctx, projectId);
}
