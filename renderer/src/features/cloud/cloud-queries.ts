import type {
  AccountView,
  CloudStatus,
  DeploymentView,
  OrganizationView,
  SyncConflictView,
  SyncStatusView,
  TokenView,
} from '../../../../shared/ipc/cloud';
import { call } from '../../app/api';
import { useQuery, type QueryResult } from '../../app/query';
import { qk } from '../../app/query-keys';

export const useCloudStatus = (): QueryResult<CloudStatus> => useQuery(qk.cloud.status, () => call('cloud.status', {}));

/** Signed-out screens pass `enabled: false`: asking the cloud then only produces 401s. */
export const useOrgs = (enabled: boolean): QueryResult<OrganizationView[]> =>
  useQuery(enabled ? qk.cloud.orgs : null, () => call('orgs.list', {}));
export const useTokens = (enabled: boolean): QueryResult<TokenView[]> =>
  useQuery(enabled ? qk.cloud.tokens : null, () => call('tokens.list', {}));
export const useSyncStatus = (): QueryResult<SyncStatusView> =>
  useQuery(qk.cloud.syncStatus, () => call('sync.status', {}));
export const useConflicts = (enabled = true): QueryResult<SyncConflictView[]> =>
  useQuery(enabled ? qk.cloud.conflicts : null, () => call('sync.conflicts', {}));

/** Open sync conflicts per local project id, for the marker in the project list (signed in only). */
export function useConflictCounts(): ReadonlyMap<string, number> {
  const { data: status } = useCloudStatus();
  const { data: conflicts } = useConflicts(status?.signedIn ?? false);
  const counts = new Map<string, number>();
  for (const c of conflicts ?? []) counts.set(c.projectId, (counts.get(c.projectId) ?? 0) + 1);
  return counts;
}
export const useDeployments = (enabled: boolean): QueryResult<DeploymentView[]> =>
  useQuery(enabled ? qk.cloud.deployments : null, () => call('deployments.list', {}));
export const useAccount = (enabled: boolean): QueryResult<AccountView> =>
  useQuery(enabled ? qk.cloud.account : null, () => call('account.get', {}));
