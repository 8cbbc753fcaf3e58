import type { ProjectWithMocks, ServerState } from '../../../../shared/ipc/contract';
import type { ProjectSummary } from '../../../../shared/models';
import { call } from '../../app/api';
import { useQuery } from '../../app/query';
import { qk } from '../../app/query-keys';

export const useProjects = (search: string) =>
  useQuery<ProjectSummary[]>(qk.projects.list(search), () => call('projects.list', search ? { search } : {}));

export const useProject = (id: string | null) =>
  useQuery<ProjectWithMocks>(id ? qk.projects.detail(id) : null, () => call('projects.get', { id: id! }));

export const useServerState = () => useQuery<ServerState>(qk.server, () => call('server.status', {}));
