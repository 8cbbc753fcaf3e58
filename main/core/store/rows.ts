import type { Condition, Mock, MockResponse, Project } from '../../../shared/models';

/** Column shapes as SQLite returns them, and their mapping to domain objects. */
export interface ProjectRow {
  id: string;
  name: string;
  description: string;
  slug: string;
  is_public: number;
  port: number | null;
  log_secrets: number;
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

export const toProject = (r: ProjectRow): Project => ({
  id: r.id,
  name: r.name,
  description: r.description,
  slug: r.slug,
  isPublic: r.is_public === 1,
  port: r.port,
  logSecrets: r.log_secrets === 1,
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
  isActive: r.is_active === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const toResponse = (r: ResponseRow): MockResponse => ({
  id: r.id,
  mockId: r.mock_id,
  name: r.name,
  statusCode: r.status_code,
  headers: JSON.parse(r.headers) as Record<string, string>,
  body: r.body,
  isDefault: r.is_default === 1,
  weight: r.weight,
  conditions: JSON.parse(r.conditions) as Condition[],
  disableTemplating: r.disable_templating === 1,
  sortOrder: r.sort_order,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
