import type { ProjectWithMocks, ServerState } from '../../../../shared/ipc/contract';
import type { ProjectSummary } from '../../../../shared/models';
import { call } from '../../app/api';
import { keys, useQuery } from '../../app/query';

export const useProjects = (search: string) =>
  useQuery<ProjectSummary[]>(keys.projects(search), () => call('projects.list', search ? { search } : {}));

export const useProject = (id: string | null) =>
  useQuery<ProjectWithMocks>(id ? keys.project(id) : null, () => call('projects.get', { id: id! }));

export const useServerState = () => useQuery<ServerState>(keys.server, () => call('server.status', {}));
