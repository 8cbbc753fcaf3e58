import { z } from 'zod';
import { wireMockSchema, wireProjectSchema, wireResponseSchema } from '../../../shared/wire/mockbird';
import { enc } from './api';
import type { CloudHttp } from './http';

export type RemoteProject = z.output<typeof wireProjectSchema>;
export type RemoteMock = z.output<typeof wireMockSchema>;
export type RemoteResponse = z.output<typeof wireResponseSchema>;

export interface ProjectBody {
  name: string;
  description: string;
  isPublic: boolean;
  slug?: string;
}
export interface MockBody {
  name: string;
  path: string;
  method: string;
  description: string;
  responseType: string;
  responseDelay: number;
  responseMode: string;
  isActive: boolean;
}
export interface ResponseBody {
  name: string;
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isDefault: boolean;
  weight: number;
  conditions: { type: string; field: string; operator: string; value: string }[];
}

export interface BatchCreateBody {
  name: string;
  description?: string;
  isPublic?: boolean;
  endpoints: {
    method: string;
    route: string;
    description?: string;
    scenarios: { name?: string; status?: number; responseBody?: unknown; headers?: Record<string, string> }[];
  }[];
}

const deleted = z.unknown();
const projectWithMocks = wireProjectSchema.extend({ mocks: z.array(wireMockSchema).default([]) });

/** The MockBird project, mock and response endpoints (docs/reference/mockbird-api.md §3–5) the cloud serves under /api/v1. */
export class ProjectsApi {
  constructor(private readonly http: CloudHttp) {}

  listProjects() {
    return this.http.request({
      method: 'GET',
      path: '/api/v1/projects',
      schema: z.array(wireProjectSchema),
      what: 'projects',
      envelope: true,
    });
  }

  getProject(id: string) {
    return this.http.request({
      method: 'GET',
      path: `/api/v1/projects/${enc(id)}`,
      schema: projectWithMocks,
      what: 'project',
      envelope: true,
    });
  }

  createProject(body: ProjectBody) {
    return this.http.request({
      method: 'POST',
      path: '/api/v1/projects',
      body,
      schema: wireProjectSchema,
      what: 'project',
      envelope: true,
    });
  }

  /** POST /projects/batch-create: a project with its endpoints and scenarios in one request (AI payload shape). */
  batchCreate(body: BatchCreateBody) {
    return this.http.request({
      method: 'POST',
      path: '/api/v1/projects/batch-create',
      body,
      schema: wireProjectSchema,
      what: 'project',
      envelope: true,
    });
  }

  updateProject(id: string, body: Partial<ProjectBody>) {
    return this.http.request({
      method: 'PUT',
      path: `/api/v1/projects/${enc(id)}`,
      body,
      schema: wireProjectSchema,
      what: 'project',
      envelope: true,
    });
  }

  deleteProject(id: string) {
    return this.http.request({
      method: 'DELETE',
      path: `/api/v1/projects/${enc(id)}`,
      schema: deleted,
      what: 'project',
    });
  }

  listMocks(projectId: string) {
    return this.http.request({
      method: 'GET',
      path: `/api/v1/projects/${enc(projectId)}/mocks`,
      schema: z.array(wireMockSchema),
      what: 'mocks',
      envelope: true,
    });
  }

  createMock(projectId: string, body: MockBody) {
    return this.http.request({
      method: 'POST',
      path: `/api/v1/projects/${enc(projectId)}/mocks`,
      body,
      schema: wireMockSchema,
      what: 'mock',
      envelope: true,
    });
  }

  updateMock(id: string, body: Partial<MockBody>) {
    return this.http.request({
      method: 'PUT',
      path: `/api/v1/mocks/${enc(id)}`,
      body,
      schema: wireMockSchema,
      what: 'mock',
      envelope: true,
    });
  }

  deleteMock(id: string) {
    return this.http.request({ method: 'DELETE', path: `/api/v1/mocks/${enc(id)}`, schema: deleted, what: 'mock' });
  }

  listResponses(mockId: string) {
    return this.http.request({
      method: 'GET',
      path: `/api/v1/mocks/${enc(mockId)}/responses`,
      schema: z.array(wireResponseSchema),
      what: 'responses',
      envelope: true,
    });
  }

  createResponse(mockId: string, body: ResponseBody) {
    return this.http.request({
      method: 'POST',
      path: `/api/v1/mocks/${enc(mockId)}/responses`,
      body,
      schema: wireResponseSchema,
      what: 'response',
      envelope: true,
    });
  }

  updateResponse(mockId: string, id: string, body: Partial<ResponseBody>) {
    return this.http.request({
      method: 'PUT',
      path: `/api/v1/mocks/${enc(mockId)}/responses/${enc(id)}`,
      body,
      schema: wireResponseSchema,
      what: 'response',
      envelope: true,
    });
  }

  deleteResponse(mockId: string, id: string) {
    return this.http.request({
      method: 'DELETE',
      path: `/api/v1/mocks/${enc(mockId)}/responses/${enc(id)}`,
      schema: deleted,
      what: 'response',
    });
  }
}
