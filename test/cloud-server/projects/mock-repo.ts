import { randomUUID } from 'node:crypto';
import { normalizeMockPath } from '../../../main/core/catalog/mocks';
import type { Mock, MockResponse, Project } from '../../../shared/models';
import type { ServerContext } from '../context';
import { nowIso } from '../context';
import { notFound } from '../http/errors';
import { touchProject } from './repo';
import type { MockRow, ProjectRow, ResponseRow } from './rows';
import { mockModel, projectModel, responseModel } from './rows';

/* Mocks and responses of a project. Each write touches the project (revision, updated_at). */
/* ---- mocks ---- */

export const listMocks = (ctx: ServerContext, projectId: string): Array<MockRow & { response_count: number }> =>
  ctx.db
    .stmt(
      'SELECT m.*, (SELECT COUNT(*) FROM responses r WHERE r.mock_id = m.id) AS response_count FROM mocks m WHERE m.project_id = ? ORDER BY m.sort_order',
    )
    .all(projectId) as Array<MockRow & { response_count: number }>;

/** The mock, when its project belongs to the org; otherwise 404. */
export function requireMock(ctx: ServerContext, orgId: string, id: string): MockRow {
  const m = ctx.db
    .stmt('SELECT m.* FROM mocks m JOIN projects p ON p.id = m.project_id WHERE m.id = ? AND p.org_id = ?')
    .get(id, orgId) as MockRow | undefined;
  if (!m) throw notFound('MOCK_NOT_FOUND', 'mock', id);
  return m;
}

// MockBird keeps no chaos setting (MockDeck's own, docs/chaos.md).
export type MockFields = Omit<Mock, 'id' | 'projectId' | 'createdAt' | 'updatedAt' | 'chaos'>;

export function insertMock(ctx: ServerContext, projectId: string, f: MockFields): MockRow {
  const now = nowIso(ctx);
  const order = (
    ctx.db.stmt('SELECT COALESCE(MAX(sort_order), -1) + 1 AS n FROM mocks WHERE project_id = ?').get(projectId) as {
      n: number;
    }
  ).n;
  const row: MockRow = {
    id: randomUUID(),
    project_id: projectId,
    name: f.name,
    path: normalizeMockPath(f.path),
    method: f.method,
    description: f.description,
    response_type: f.responseType,
    response_delay: f.responseDelay,
    response_mode: f.responseMode,
    response_selection: f.responseSelection,
    is_active: f.isActive ? 1 : 0,
    kind: f.kind,
    bucket: f.bucket,
    crud_key: f.crudKey,
    sort_order: order,
    created_at: now,
    updated_at: now,
  };
  ctx.db
    .stmt(
      `INSERT INTO mocks (id, project_id, name, path, method, description, response_type, response_delay, response_mode, response_selection, is_active, kind, bucket, crud_key, sort_order, created_at, updated_at)
       VALUES (@id, @project_id, @name, @path, @method, @description, @response_type, @response_delay, @response_mode, @response_selection, @is_active, @kind, @bucket, @crud_key, @sort_order, @created_at, @updated_at)`,
    )
    .run(row);
  touchProject(ctx, projectId);
  return row;
}

export function updateMock(ctx: ServerContext, m: MockRow, f: Partial<MockFields>): MockRow {
  const cur = mockModel(m);
  const merged = { ...cur, ...Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) } as Mock;
  const next: MockRow = {
    ...m,
    name: merged.name,
    path: normalizeMockPath(merged.path),
    method: merged.method,
    description: merged.description,
    response_type: merged.responseType,
    response_delay: merged.responseDelay,
    response_mode: merged.responseMode,
    response_selection: merged.responseSelection,
    is_active: merged.isActive ? 1 : 0,
    kind: merged.kind,
    bucket: merged.bucket,
    crud_key: merged.crudKey,
    updated_at: nowIso(ctx),
  };
  ctx.db
    .stmt(
      `UPDATE mocks SET name=@name, path=@path, method=@method, description=@description, response_type=@response_type,
       response_delay=@response_delay, response_mode=@response_mode, response_selection=@response_selection, is_active=@is_active, kind=@kind, bucket=@bucket, crud_key=@crud_key, updated_at=@updated_at WHERE id=@id`,
    )
    .run(next);
  touchProject(ctx, m.project_id);
  return next;
}

export function deleteMock(ctx: ServerContext, m: MockRow): void {
  ctx.db.stmt('DELETE FROM mocks WHERE id = ?').run(m.id);
  touchProject(ctx, m.project_id);
}

/* ---- responses ---- */

export const listResponses = (ctx: ServerContext, mockId: string): ResponseRow[] =>
  ctx.db.stmt('SELECT * FROM responses WHERE mock_id = ? ORDER BY sort_order').all(mockId) as ResponseRow[];

export function requireResponse(ctx: ServerContext, mockId: string, id: string): ResponseRow {
  const r = ctx.db.stmt('SELECT * FROM responses WHERE id = ? AND mock_id = ?').get(id, mockId) as
    ResponseRow | undefined;
  if (!r) throw notFound('RESPONSE_NOT_FOUND', 'response', id);
  return r;
}

export type ResponseFields = Omit<MockResponse, 'id' | 'mockId' | 'sortOrder' | 'createdAt' | 'updatedAt'>;

// The spec: "Setting isDefault true auto-unsets the previous default".
const clearDefault = (ctx: ServerContext, mockId: string, exceptId: string): void => {
  ctx.db.stmt('UPDATE responses SET is_default = 0 WHERE mock_id = ? AND id != ?').run(mockId, exceptId);
};

export function insertResponse(ctx: ServerContext, m: MockRow, f: ResponseFields): ResponseRow {
  const now = nowIso(ctx);
  const order = (
    ctx.db.stmt('SELECT COALESCE(MAX(sort_order), -1) + 1 AS n FROM responses WHERE mock_id = ?').get(m.id) as {
      n: number;
    }
  ).n;
  const row: ResponseRow = {
    id: randomUUID(),
    mock_id: m.id,
    name: f.name,
    status_code: f.statusCode,
    headers: JSON.stringify(f.headers),
    body: f.body,
    is_default: f.isDefault ? 1 : 0,
    weight: f.weight,
    conditions: JSON.stringify(f.conditions),
    disable_templating: f.disableTemplating ? 1 : 0,
    condition_logic: f.conditionLogic,
    scenario_name: f.scenarioName,
    required_scenario_state: f.requiredScenarioState,
    new_scenario_state: f.newScenarioState,
    sort_order: order,
    created_at: now,
    updated_at: now,
  };
  ctx.db
    .stmt(
      `INSERT INTO responses (id, mock_id, name, status_code, headers, body, is_default, weight, conditions, disable_templating, condition_logic, scenario_name, required_scenario_state, new_scenario_state, sort_order, created_at, updated_at)
       VALUES (@id, @mock_id, @name, @status_code, @headers, @body, @is_default, @weight, @conditions, @disable_templating, @condition_logic, @scenario_name, @required_scenario_state, @new_scenario_state, @sort_order, @created_at, @updated_at)`,
    )
    .run(row);
  if (f.isDefault) clearDefault(ctx, m.id, row.id);
  touchProject(ctx, m.project_id);
  return row;
}

export function updateResponse(
  ctx: ServerContext,
  m: MockRow,
  r: ResponseRow,
  f: Partial<ResponseFields>,
): ResponseRow {
  const cur = responseModel(r);
  const merged = {
    ...cur,
    ...Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)),
  } as MockResponse;
  const next: ResponseRow = {
    ...r,
    name: merged.name,
    status_code: merged.statusCode,
    headers: JSON.stringify(merged.headers),
    body: merged.body,
    is_default: merged.isDefault ? 1 : 0,
    weight: merged.weight,
    conditions: JSON.stringify(merged.conditions),
    disable_templating: merged.disableTemplating ? 1 : 0,
    condition_logic: merged.conditionLogic,
    scenario_name: merged.scenarioName,
    required_scenario_state: merged.requiredScenarioState,
    new_scenario_state: merged.newScenarioState,
    updated_at: nowIso(ctx),
  };
  ctx.db
    .stmt(
      `UPDATE responses SET name=@name, status_code=@status_code, headers=@headers, body=@body, is_default=@is_default,
       weight=@weight, conditions=@conditions, disable_templating=@disable_templating, condition_logic=@condition_logic, scenario_name=@scenario_name,
       required_scenario_state=@required_scenario_state, new_scenario_state=@new_scenario_state, updated_at=@updated_at WHERE id=@id`,
    )
    .run(next);
  if (f.isDefault === true) clearDefault(ctx, m.id, r.id);
  touchProject(ctx, m.project_id);
  return next;
}

export function deleteResponse(ctx: ServerContext, m: MockRow, r: ResponseRow): void {
  ctx.db.stmt('DELETE FROM responses WHERE id = ?').run(r.id);
  touchProject(ctx, m.project_id);
}

/** Everything the engine needs to compile a project. */

/** Everything the engine needs to compile a project. */
export function projectData(
  ctx: ServerContext,
  p: ProjectRow,
): { project: Project; mocks: Mock[]; responses: MockResponse[] } {
  const mocks = listMocks(ctx, p.id);
  const responses = ctx.db
    .stmt(
      'SELECT r.* FROM responses r JOIN mocks m ON m.id = r.mock_id WHERE m.project_id = ? ORDER BY m.sort_order, r.sort_order',
    )
    .all(p.id) as ResponseRow[];
  return { project: projectModel(p), mocks: mocks.map(mockModel), responses: responses.map(responseModel) };
}
