import type { InstalledPluginView } from '../../../../shared/ipc/plugins';
import { call } from '../../app/api';
import { useQuery, type QueryResult } from '../../app/query';
import { qk } from '../../app/query-keys';

export const useInstalledPlugins = (): QueryResult<InstalledPluginView[]> =>
  useQuery(qk.plugins.list, () => call('plugins.list', {}));

export const usePluginBindings = (projectId: string, mockId: string | null): QueryResult<{ plugins: string[] }> =>
  useQuery(qk.plugins.bindings(projectId, mockId), () => call('plugins.bindings', { projectId, mockId }));
