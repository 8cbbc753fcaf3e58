import type {
  MockRequestBody,
  ProjectRequestBody,
  RemoteMock,
  RemoteProject,
  RemoteResponse,
  ResponseRequestBody,
} from '../../../shared/wire/mockbird';

/**
 * The cloud calls sync makes (MockBird's project, mock and response endpoints). The cloud
 * client (main/core/cloud/projects-api.ts) implements it; sync depends on this, not on the
 * cloud folder, which owns sync and would otherwise form a cycle with it.
 */
export interface RemoteProjects {
  listProjects(): Promise<RemoteProject[]>;
  createProject(body: ProjectRequestBody): Promise<RemoteProject>;
  updateProject(id: string, body: Partial<ProjectRequestBody>): Promise<RemoteProject>;
  deleteProject(id: string): Promise<unknown>;
  listMocks(projectId: string): Promise<RemoteMock[]>;
  createMock(projectId: string, body: MockRequestBody): Promise<RemoteMock>;
  updateMock(id: string, body: Partial<MockRequestBody>): Promise<RemoteMock>;
  deleteMock(id: string): Promise<unknown>;
  listResponses(mockId: string): Promise<RemoteResponse[]>;
  createResponse(mockId: string, body: ResponseRequestBody): Promise<RemoteResponse>;
  updateResponse(mockId: string, id: string, body: Partial<ResponseRequestBody>): Promise<RemoteResponse>;
  deleteResponse(mockId: string, id: string): Promise<unknown>;
  /**
   * Whether a failed write may still have been applied (the answer was lost on the way):
   * sync then looks for it before creating it again.
   */
  isUncertain(error: unknown): boolean;
}
