import type { Mock, MockResponse, Project } from '../../../shared/models';
import {
  CONDITION_LOGICS,
  conditionSchema,
  HTTP_METHODS,
  MOCK_KINDS,
  RESPONSE_MODES,
  RESPONSE_SELECTIONS,
  RESPONSE_TYPES,
} from '../../../shared/models';
import type { WireMock, WireProject, WireResponse } from '../../../shared/wire/mockbird';
import { toWireMock, toWireProject, toWireResponse } from '../../../shared/wire/mockbird';

export interface ProjectRow {
  id: string;
  org_id: string;
  user_id: string;
  name: string;
  description: string;
  slug: string;
  is_public: number;
  templating_seed: number | null;
  port: number | null;
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
  response_delay: number;
  response_mode: string;
  response_selection: string;
  is_active: number;
  kind: string;
  bucket: string | null;
  crud_key: string;
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

const oneOf = <T extends string>(all: readonly T[], v: string, fallback: T): T =>
  (all as readonly string[]).includes(v) ? (v as T) : fallback;

export const projectModel = (r: ProjectRow): Project => ({
  id: r.id,
  name: r.name,
  description: r.description,
  slug: r.slug,
  isPublic: r.is_public === 1,
  templatingSeed: r.templating_seed,
  port: r.port,
  logSecrets: false,
  logRetention: null,
  // MockBird has no chaos field: chaos is MockDeck's local setting (docs/chaos.md).
  chaos: null,
  upstreamUrl: null,
  proxyMode: 'off',
  proxyConnectTimeoutMs: 5000,
  proxyResponseTimeoutMs: 15000,
  recordGeneralizeIds: false,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const mockModel = (r: MockRow): Mock => ({
  id: r.id,
  projectId: r.project_id,
  name: r.name,
  path: r.path,
  method: oneOf(HTTP_METHODS, r.method, 'GET'),
  description: r.description,
  responseType: oneOf(RESPONSE_TYPES, r.response_type, 'json'),
  responseDelay: r.response_delay,
  responseMode: oneOf(RESPONSE_MODES, r.response_mode, 'random'),
  responseSelection: oneOf(RESPONSE_SELECTIONS, r.response_selection, 'weighted'),
  isActive: r.is_active === 1,
  chaos: null,
  kind: oneOf(MOCK_KINDS, r.kind, 'http'),
  bucket: r.bucket,
  crudKey: r.crud_key,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const responseModel = (r: ResponseRow): MockResponse => ({
  id: r.id,
  mockId: r.mock_id,
  name: r.name,
  statusCode: r.status_code,
  headers: JSON.parse(r.headers) as Record<string, string>,
  body: r.body,
  isDefault: r.is_default === 1,
  weight: r.weight,
  conditions: conditionSchema.array().parse(JSON.parse(r.conditions)),
  disableTemplating: r.disable_templating === 1,
  conditionLogic: oneOf(CONDITION_LOGICS, r.condition_logic, 'and'),
  scenarioName: r.scenario_name,
  requiredScenarioState: r.required_scenario_state,
  newScenarioState: r.new_scenario_state,
  sortOrder: r.sort_order,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const wireProject = (r: ProjectRow, mockCount?: number): WireProject => {
  const extra: { mockCount?: number; userId: string; orgId: string } = { userId: r.user_id, orgId: r.org_id };
  if (mockCount !== undefined) extra.mockCount = mockCount;
  return toWireProject(projectModel(r), extra);
};
export const wireMock = (r: MockRow, responseCount?: number): WireMock => toWireMock(mockModel(r), responseCount);
export const wireResponse = (r: ResponseRow): WireResponse => toWireResponse(responseModel(r));
