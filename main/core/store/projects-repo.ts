import type { Statement } from 'better-sqlite3';
import type { Project, ProjectSummary } from '../../../shared/models';
import type { SqliteDb } from './connection';
import { statementCache } from './statements';
import { chaosColumn, toProject, type ProjectRow } from './rows';

export class ProjectsRepo {
  private readonly sql: (text: string) => Statement;

  constructor(private readonly db: SqliteDb) {
    this.sql = statementCache(db);
  }

  list(search?: string): ProjectSummary[] {
    const like = search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const rows = this.sql(
      `SELECT p.*, (SELECT COUNT(*) FROM mocks m WHERE m.project_id = p.id) AS mock_count
         FROM projects p
         WHERE (@like IS NULL OR p.name LIKE @like ESCAPE '\\' OR p.description LIKE @like ESCAPE '\\')
         ORDER BY p.created_at, p.rowid`,
    ).all({ like }) as (ProjectRow & { mock_count: number })[];
    return rows.map((r) => ({ ...toProject(r), mockCount: r.mock_count }));
  }

  get(id: string): Project | undefined {
    const row = this.sql('SELECT * FROM projects WHERE id = ?').get(id) as ProjectRow | undefined;
    return row && toProject(row);
  }

  getBySlug(slug: string): Project | undefined {
    const row = this.sql('SELECT * FROM projects WHERE slug = ?').get(slug) as ProjectRow | undefined;
    return row && toProject(row);
  }

  getByPort(port: number): Project | undefined {
    const row = this.sql('SELECT * FROM projects WHERE port = ?').get(port) as ProjectRow | undefined;
    return row && toProject(row);
  }

  slugTaken(slug: string): boolean {
    return this.sql('SELECT 1 FROM projects WHERE slug = ?').get(slug) !== undefined;
  }

  insert(p: Project): void {
    this.sql(
      `INSERT INTO projects (id, name, description, slug, is_public, port, log_secrets, log_retention, upstream_url, proxy_mode,
           proxy_connect_timeout_ms, proxy_response_timeout_ms, record_generalize_ids, chaos, templating_seed, created_at, updated_at)
         VALUES (@id, @name, @description, @slug, @isPublic, @port, @logSecrets, @logRetention, @upstreamUrl, @proxyMode,
           @proxyConnectTimeoutMs, @proxyResponseTimeoutMs, @recordGeneralizeIds, @chaos, @templatingSeed, @createdAt, @updatedAt)`,
    ).run(bind(p));
  }

  update(p: Project): void {
    this.sql(
      `UPDATE projects SET name=@name, description=@description, slug=@slug, is_public=@isPublic,
         port=@port, log_secrets=@logSecrets, log_retention=@logRetention, upstream_url=@upstreamUrl, proxy_mode=@proxyMode,
         proxy_connect_timeout_ms=@proxyConnectTimeoutMs, proxy_response_timeout_ms=@proxyResponseTimeoutMs,
         record_generalize_ids=@recordGeneralizeIds, chaos=@chaos, templating_seed=@templatingSeed, updated_at=@updatedAt WHERE id=@id`,
    ).run(bind(p));
  }

  /** Mocks and responses go with it (ON DELETE CASCADE). */
  delete(id: string): boolean {
    return this.sql('DELETE FROM projects WHERE id = ?').run(id).changes > 0;
  }

  touch(id: string, at: string): void {
    this.sql('UPDATE projects SET updated_at = ? WHERE id = ?').run(at, id);
  }

  withPorts(): Project[] {
    return (this.sql('SELECT * FROM projects WHERE port IS NOT NULL').all() as ProjectRow[]).map(toProject);
  }
}

/** A project's named parameters: booleans as SQLite's 0/1. */
const bind = (p: Project) => ({
  ...p,
  isPublic: p.isPublic ? 1 : 0,
  logSecrets: p.logSecrets ? 1 : 0,
  recordGeneralizeIds: p.recordGeneralizeIds ? 1 : 0,
  chaos: chaosColumn(p.chaos),
});
