import type { Chaos, Condition, DataBucket, HeaderMap, Mock, MockResponse, Project } from '../../../shared/models';

/** Column shapes as SQLite returns them, and their mapping to domain objects. */
export interface ProjectRow {
  id: string;
  name: string;
  description: string;
  slug: string;
  is_public: number;
  port: number | null;
  log_secrets: number;
  log_retention: number | null;
  upstream_url: string | null;
  proxy_mode: string;
  proxy_connect_timeout_ms: number;
  proxy_response_timeout_ms: number;
  record_generalize_ids: number;
  chaos: string | null;
  templating_seed: number | null;
  created_at: string;
  updated_at: string;
}

export interface MockRow {
  id: string;
  project_id: string;
  name: string;
  path: string;
  method: string;
  description: string;
  response_type: string;
  response_delay_ms: number;
  response_mode: string;
  response_selection: string;
  is_active: number;
  chaos: string | null;
  kind: string;
  bucket: string | null;
  crud_key: string;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface BucketRow {
  id: string;
  project_id: string;
  name: string;
  description: string;
  content: string;
  templated: number;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface ResponseRow {
  id: string;
  mock_id: string;
  name: string;
  status_code: number;
  headers: string;
  body: string;
  is_default: number;
  weight: number;
  conditions: string;
  disable_templating: number;
  condition_logic: string;
  scenario_name: string;
  required_scenario_state: string;
  new_scenario_state: string;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export const toProject = (r: ProjectRow): Project => ({
  id: r.id,
  name: r.name,
  description: r.description,
  slug: r.slug,
  isPublic: r.is_public === 1,
  port: r.port,
  logSecrets: r.log_secrets === 1,
  logRetention: r.log_retention,
  upstreamUrl: r.upstream_url,
  proxyMode: r.proxy_mode as Project['proxyMode'],
  proxyConnectTimeoutMs: r.proxy_connect_timeout_ms,
  proxyResponseTimeoutMs: r.proxy_response_timeout_ms,
  recordGeneralizeIds: r.record_generalize_ids === 1,
  chaos: chaosOf(r.chaos),
  templatingSeed: r.templating_seed,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const toMock = (r: MockRow): Mock => ({
  id: r.id,
  projectId: r.project_id,
  name: r.name,
  path: r.path,
  method: r.method as Mock['method'],
  description: r.description,
  responseType: r.response_type as Mock['responseType'],
  responseDelay: r.response_delay_ms,
  responseMode: r.response_mode as Mock['responseMode'],
  responseSelection: r.response_selection as Mock['responseSelection'],
  isActive: r.is_active === 1,
  chaos: chaosOf(r.chaos),
  kind: r.kind as Mock['kind'],
  bucket: r.bucket,
  crudKey: r.crud_key,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const toBucket = (r: BucketRow): DataBucket => ({
  id: r.id,
  projectId: r.project_id,
  name: r.name,
  description: r.description,
  content: r.content,
  templated: r.templated === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const toResponse = (r: ResponseRow): MockResponse => ({
  id: r.id,
  mockId: r.mock_id,
  name: r.name,
  statusCode: r.status_code,
  headers: JSON.parse(r.headers) as HeaderMap,
  body: r.body,
  isDefault: r.is_default === 1,
  weight: r.weight,
  conditions: JSON.parse(r.conditions) as Condition[],
  disableTemplating: r.disable_templating === 1,
  conditionLogic: r.condition_logic as MockResponse['conditionLogic'],
  scenarioName: r.scenario_name,
  requiredScenarioState: r.required_scenario_state,
  newScenarioState: r.new_scenario_state,
  sortOrder: r.sort_order,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

// Written only by the catalog, from a setting the chaos schema validated.
const chaosOf = (json: string | null): Chaos | null => (json === null ? null : (JSON.parse(json) as Chaos));

/** A chaos setting as its column keeps it. */
export const chaosColumn = (c: Chaos | null): string | null => (c === null ? null : JSON.stringify(c));
