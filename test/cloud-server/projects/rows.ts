import type { Mock, MockResponse, Project } from '../../../shared/models';
import { conditionSchema, HTTP_METHODS, RESPONSE_MODES, RESPONSE_TYPES } from '../../../shared/models';
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
  is_active: number;
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
  isActive: r.is_active === 1,
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
