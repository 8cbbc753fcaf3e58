import { z } from 'zod';
import type { BatchCreateBody } from '../../../shared/wire/batch-create';
import {
  wireMockSchema,
  wireProjectSchema,
  wireResponseSchema,
  type MockRequestBody as MockBody,
  type ProjectRequestBody as ProjectBody,
  type ResponseRequestBody as ResponseBody,
} from '../../../shared/wire/mockbird';
import { enc } from './api';
import { CloudRequestError } from './errors';
import type { CloudHttp } from './http';

const deleted = z.unknown();
const projectWithMocks = wireProjectSchema.extend({ mocks: z.array(wireMockSchema).default([]) });

/** The MockBird project, mock and response endpoints (docs/reference/mockbird-api.md §3–5) the cloud serves under /api/v1. */
export class ProjectsApi {
  constructor(private readonly http: CloudHttp) {}

  /** A timeout or dropped connection after a write was sent: the server may have applied it. */
  isUncertain(error: unknown): boolean {
    return error instanceof CloudRequestError && error.uncertain;
  }

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
