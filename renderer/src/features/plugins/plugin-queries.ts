import type { InstalledPlugin } from '../../../../shared/models';
import { call } from '../../app/api';
import { useQuery, type QueryResult } from '../../app/query';

export const pluginKeys = {
  all: 'plugins:',
  list: 'plugins:list',
  bindings: (projectId: string, mockId: string | null) => `plugins:bindings:${projectId}:${mockId ?? 'project'}`,
} as const;

export const useInstalledPlugins = (): QueryResult<InstalledPlugin[]> =>
  useQuery(pluginKeys.list, () => call('plugins.list', {}));

export const usePluginBindings = (projectId: string, mockId: string | null): QueryResult<{ plugins: string[] }> =>
  useQuery(pluginKeys.bindings(projectId, mockId), () => call('plugins.bindings', { projectId, mockId }));
