import { useEffect } from 'react';
import type {
  AccountView,
  CloudStatus,
  DeploymentView,
  OrganizationView,
  SyncConflictView,
  SyncStatusView,
  TokenView,
} from '../../../../shared/ipc/cloud';
import { call, subscribe } from '../../app/api';
import { invalidate, keys as appKeys, useQuery, type QueryResult } from '../../app/query';

/** Every cloud key starts with "cloud:" so a sign-in change can drop them all at once. */
export const cloudKeys = {
  all: 'cloud:',
  status: 'cloud:status',
  orgs: 'cloud:orgs',
  tokens: 'cloud:tokens',
  syncStatus: 'cloud:sync:status',
  conflicts: 'cloud:sync:conflicts',
  deployments: 'cloud:deployments',
  account: 'cloud:account',
  metrics: (id: string) => `cloud:deployment:${id}:metrics`,
  logs: (id: string, level: string) => `cloud:deployment:${id}:logs:${level}`,
  deployment: (id: string) => `cloud:deployment:${id}`,
} as const;

export const useCloudStatus = (): QueryResult<CloudStatus> =>
  useQuery(cloudKeys.status, () => call('cloud.status', {}));

/** Signed-out screens pass `enabled: false`: asking the cloud then only produces 401s. */
export const useOrgs = (enabled: boolean): QueryResult<OrganizationView[]> =>
  useQuery(enabled ? cloudKeys.orgs : null, () => call('orgs.list', {}));
export const useTokens = (enabled: boolean): QueryResult<TokenView[]> =>
  useQuery(enabled ? cloudKeys.tokens : null, () => call('tokens.list', {}));
export const useSyncStatus = (): QueryResult<SyncStatusView> =>
  useQuery(cloudKeys.syncStatus, () => call('sync.status', {}));
export const useConflicts = (enabled = true): QueryResult<SyncConflictView[]> =>
  useQuery(enabled ? cloudKeys.conflicts : null, () => call('sync.conflicts', {}));

/** Open sync conflicts per local project id, for the marker in the project list (signed in only). */
export function useConflictCounts(): ReadonlyMap<string, number> {
  const { data: status } = useCloudStatus();
  const { data: conflicts } = useConflicts(status?.signedIn ?? false);
  const counts = new Map<string, number>();
  for (const c of conflicts ?? []) counts.set(c.projectId, (counts.get(c.projectId) ?? 0) + 1);
  return counts;
}
export const useDeployments = (enabled: boolean): QueryResult<DeploymentView[]> =>
  useQuery(enabled ? cloudKeys.deployments : null, () => call('deployments.list', {}));
export const useAccount = (enabled: boolean): QueryResult<AccountView> =>
  useQuery(enabled ? cloudKeys.account : null, () => call('account.get', {}));

/**
 * Another account, server or organization makes every cached cloud answer wrong, and a sync
 * can pull projects in: both refetch when the core says so.
 */
export function useCloudEvents(): void {
  useEffect(() => {
    const offs = [
      subscribe('cloud.authChanged', () => invalidate(cloudKeys.all)),
      subscribe('sync.progress', (p) => {
        if (p.phase === 'finished' || p.phase === 'failed') {
          invalidate(cloudKeys.syncStatus, cloudKeys.conflicts, appKeys.projectsAll, appKeys.mocksAll);
        }
      }),
    ];
    return () => offs.forEach((off) => off());
  }, []);
}
