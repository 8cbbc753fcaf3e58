import type { Statement } from 'better-sqlite3';
import type { Mock } from '../../../shared/models';
import type { SqliteDb } from './connection';
import { statementCache } from './statements';
import { chaosColumn, toMock, type MockRow } from './rows';

export class MocksRepo {
  private readonly sql: (text: string) => Statement;

  constructor(private readonly db: SqliteDb) {
    this.sql = statementCache(db);
  }

  listByProject(projectId: string): (Mock & { responseCount: number })[] {
    const rows = this.sql(
      `SELECT m.*, (SELECT COUNT(*) FROM responses r WHERE r.mock_id = m.id) AS response_count
         FROM mocks m WHERE m.project_id = ? ORDER BY m.sort_order, m.rowid`,
    ).all(projectId) as (MockRow & { response_count: number })[];
    return rows.map((r) => ({ ...toMock(r), responseCount: r.response_count }));
  }

  /**
   * The project's mocks whose path starts with `prefix` (shared/models routePrefix), in project
   * order: every mock that may share a route with a path of that prefix, read through
   * mocks_by_path rather than the whole project.
   */
  listByPathPrefix(projectId: string, prefix: string): Mock[] {
    const rows = this.sql(
      `SELECT * FROM mocks WHERE project_id = ? AND path >= ? AND path < ? ORDER BY sort_order, rowid`,
    )
      // U+10FFFF sorts after every character a path holds (SQLite compares UTF-8 bytes).
      .all(projectId, prefix, `${prefix}\u{10FFFF}`) as MockRow[];
    return rows.map(toMock);
  }

  get(id: string): Mock | undefined {
    const row = this.sql('SELECT * FROM mocks WHERE id = ?').get(id) as MockRow | undefined;
    return row && toMock(row);
  }

  nextSortOrder(projectId: string): number {
    const r = this.sql('SELECT COALESCE(MAX(sort_order), -1) + 1 AS n FROM mocks WHERE project_id = ?').get(
      projectId,
    ) as { n: number };
    return r.n;
  }

  insert(m: Mock, sortOrder: number): void {
    this.sql(
      `INSERT INTO mocks (id, project_id, name, path, method, description, response_type, response_delay_ms,
           response_mode, response_selection, is_active, chaos, kind, bucket, crud_key, sort_order, created_at, updated_at)
         VALUES (@id, @projectId, @name, @path, @method, @description, @responseType, @responseDelay,
           @responseMode, @responseSelection, @isActive, @chaos, @kind, @bucket, @crudKey, @sortOrder, @createdAt, @updatedAt)`,
    ).run({
      ...m,
      isActive: m.isActive ? 1 : 0,
      chaos: chaosColumn(m.chaos),
      sortOrder,
    });
  }

  update(m: Mock): void {
    this.sql(
      `UPDATE mocks SET name=@name, path=@path, method=@method, description=@description,
           response_type=@responseType, response_delay_ms=@responseDelay, response_mode=@responseMode, response_selection=@responseSelection,
           is_active=@isActive, chaos=@chaos, kind=@kind, bucket=@bucket, crud_key=@crudKey, updated_at=@updatedAt WHERE id=@id`,
    ).run({ ...m, isActive: m.isActive ? 1 : 0, chaos: chaosColumn(m.chaos) });
  }

  /** How many mocks and projects have a chaos setting (the UI shows the kill switch while any does). */
  chaosSettingCount(): number {
    const r = this.sql(
      `SELECT (SELECT COUNT(*) FROM mocks WHERE chaos IS NOT NULL)
              + (SELECT COUNT(*) FROM projects WHERE chaos IS NOT NULL) AS n`,
    ).get() as { n: number };
    return r.n;
  }

  delete(id: string): boolean {
    return this.sql('DELETE FROM mocks WHERE id = ?').run(id).changes > 0;
  }
}
