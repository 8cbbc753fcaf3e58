import type { Statement } from 'better-sqlite3';
import type { MockResponse } from '../../../shared/models';
import type { SqliteDb } from './connection';
import { statementCache } from './statements';
import { toResponse, type ResponseRow } from './rows';

export class ResponsesRepo {
  private readonly sql: (text: string) => Statement;

  constructor(private readonly db: SqliteDb) {
    this.sql = statementCache(db);
  }

  listByMock(mockId: string): MockResponse[] {
    return (
      this.sql('SELECT * FROM responses WHERE mock_id = ? ORDER BY sort_order, rowid').all(mockId) as ResponseRow[]
    ).map(toResponse);
  }

  /** Every response of a project's mocks, in mock order then response order. */
  listByProject(projectId: string): MockResponse[] {
    return (
      this.sql(
        `SELECT r.* FROM responses r JOIN mocks m ON m.id = r.mock_id
           WHERE m.project_id = ? ORDER BY m.sort_order, m.rowid, r.sort_order, r.rowid`,
      ).all(projectId) as ResponseRow[]
    ).map(toResponse);
  }

  get(id: string): MockResponse | undefined {
    const row = this.sql('SELECT * FROM responses WHERE id = ?').get(id) as ResponseRow | undefined;
    return row && toResponse(row);
  }

  nextSortOrder(mockId: string): number {
    const r = this.sql('SELECT COALESCE(MAX(sort_order), -1) + 1 AS n FROM responses WHERE mock_id = ?').get(
      mockId,
    ) as { n: number };
    return r.n;
  }

  insert(r: MockResponse): void {
    this.sql(
      `INSERT INTO responses (id, mock_id, name, status_code, headers, body, is_default, weight, conditions,
           disable_templating, condition_logic, scenario_name, required_scenario_state, new_scenario_state,
           sort_order, created_at, updated_at)
         VALUES (@id, @mockId, @name, @statusCode, @headers, @body, @isDefault, @weight, @conditions,
           @disableTemplating, @conditionLogic, @scenarioName, @requiredScenarioState, @newScenarioState,
           @sortOrder, @createdAt, @updatedAt)`,
    ).run(this.params(r));
  }

  update(r: MockResponse): void {
    this.sql(
      `UPDATE responses SET name=@name, status_code=@statusCode, headers=@headers, body=@body,
           is_default=@isDefault, weight=@weight, conditions=@conditions,
           disable_templating=@disableTemplating, condition_logic=@conditionLogic,
           scenario_name=@scenarioName, required_scenario_state=@requiredScenarioState,
           new_scenario_state=@newScenarioState, sort_order=@sortOrder,
           updated_at=@updatedAt WHERE id=@id`,
    ).run(this.params(r));
  }

  clearDefault(mockId: string, exceptId: string): void {
    this.sql('UPDATE responses SET is_default = 0 WHERE mock_id = ? AND id <> ?').run(mockId, exceptId);
  }

  setSortOrder(id: string, sortOrder: number): void {
    this.sql('UPDATE responses SET sort_order = ? WHERE id = ?').run(sortOrder, id);
  }

  delete(id: string): boolean {
    return this.sql('DELETE FROM responses WHERE id = ?').run(id).changes > 0;
  }

  private params(r: MockResponse) {
    return {
      ...r,
      headers: JSON.stringify(r.headers),
      conditions: JSON.stringify(r.conditions),
      isDefault: r.isDefault ? 1 : 0,
      disableTemplating: r.disableTemplating ? 1 : 0,
    };
  }
}
