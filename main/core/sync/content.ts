import { createHash } from 'node:crypto';
import type { Condition, Mock, MockResponse, Project } from '../../../shared/models';
import { mockContent as catalogMockContent, responseContent as catalogResponseContent } from '../catalog/content';
import { normalizeMockPath } from '../catalog/mocks';
import type {
  MockBody,
  ProjectBody,
  RemoteMock,
  RemoteProject,
  RemoteResponse,
  ResponseBody,
} from '../cloud/projects-api';

/**
 * What sync compares: the fields both sides store, in one canonical shape. Local-only
 * fields (ids, timestamps, a project's port and slug, sort order) are not content.
 */
export interface ProjectContent {
  name: string;
  description: string;
  isPublic: boolean;
}
export interface MockContent {
  name: string;
  path: string;
  method: string;
  description: string;
  responseType: string;
  responseDelay: number;
  responseMode: string;
  isActive: boolean;
}
export interface ResponseContent {
  name: string;
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isDefault: boolean;
  weight: number;
  conditions: { type: string; field: string; operator: string; value: string }[];
}
export type Content = ProjectContent | MockContent | ResponseContent;

export const projectContent = (p: Pick<Project, 'name' | 'description' | 'isPublic'>): ProjectContent => ({
  name: p.name,
  description: p.description,
  isPublic: p.isPublic,
});

export const remoteProjectContent = (p: RemoteProject): ProjectContent => ({
  name: p.name,
  description: p.description,
  isPublic: p.is_public,
});

export const mockContent = (m: Mock): MockContent => catalogMockContent(m);

export const remoteMockContent = (m: RemoteMock): MockContent => ({
  name: m.name,
  path: normalizeMockPath(m.path),
  method: m.method.toUpperCase(),
  description: m.description,
  responseType: m.response_type,
  responseDelay: m.response_delay_ms,
  responseMode: m.response_mode,
  isActive: m.is_active,
});

const conditions = (cs: readonly Condition[]) =>
  cs.map((c) => ({ type: c.type, field: c.field, operator: c.operator, value: c.value }));

export const responseContent = (r: MockResponse): ResponseContent => catalogResponseContent(r);

export const remoteResponseContent = (r: RemoteResponse): ResponseContent => ({
  name: r.name,
  statusCode: r.status_code,
  headers: r.headers,
  body: r.body,
  isDefault: r.is_default,
  weight: r.weight,
  conditions: conditions(r.conditions),
});

/** JSON with object keys sorted, so equal content always serialises alike. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

export const fingerprint = (c: Content): string =>
  createHash('sha256').update(canonicalJson(c)).digest('hex').slice(0, 32);

export const projectBody = (c: ProjectContent, slug?: string): ProjectBody => ({ ...c, ...(slug ? { slug } : {}) });
export const mockBody = (c: MockContent): MockBody => ({ ...c });
export const responseBody = (c: ResponseContent): ResponseBody => ({
  ...c,
  headers: { ...c.headers },
  conditions: c.conditions.map((x) => ({ ...x })),
});

/** A short human label for progress messages and the conflicts list. */
export function labelOf(kind: 'project' | 'mock' | 'response', c: Content): string {
  if (kind === 'mock') {
    const m = c as MockContent;
    return `${m.method} ${m.path} (${m.name})`;
  }
  return (c as ProjectContent | ResponseContent).name;
}
