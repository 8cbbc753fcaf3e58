import type { QueryKey } from '@tanstack/react-query';
import type { LegalDocView } from '../../../shared/ipc/cloud-account';
import type { MarketKind } from '../../../shared/models';

/**
 * The one set of query keys. Keys are arrays from the general to the particular, so
 * invalidating a prefix (`qk.mocks.lists`) reaches every key under it (each project's list)
 * and nothing beside it (the mocks' details).
 */
export const qk = {
  projects: {
    all: ['projects'],
    lists: ['projects', 'list'],
    list: (search = '') => ['projects', 'list', search],
    detail: (id: string) => ['projects', 'detail', id],
  },
  mocks: {
    all: ['mocks'],
    lists: ['mocks', 'list'],
    list: (projectId: string) => ['mocks', 'list', projectId],
    details: ['mocks', 'detail'],
    detail: (id: string) => ['mocks', 'detail', id],
  },
  buckets: {
    lists: ['buckets', 'list'],
    list: (projectId: string) => ['buckets', 'list', projectId],
    details: ['buckets', 'detail'],
    detail: (id: string) => ['buckets', 'detail', id],
  },
  stats: (projectId: string) => ['stats', projectId],
  recording: (projectId: string) => ['recording', projectId],
  scenarios: (projectId: string) => ['scenarios', projectId],
  logs: { detail: (id: string) => ['logs', 'detail', id] },
  server: ['server'],
  federations: ['federations'],
  templatingHelpers: ['templating', 'helpers'],
  aiByok: ['ai', 'byok'],
  pipelines: {
    all: ['pipelines'],
    list: (projectId: string) => ['pipelines', 'list', projectId],
    executions: (pipelineId: string) => ['pipelines', 'executions', pipelineId],
  },
  plugins: {
    all: ['plugins'],
    list: ['plugins', 'list'],
    bindings: (projectId: string, mockId: string | null) => ['plugins', 'bindings', projectId, mockId ?? 'project'],
  },
  market: {
    all: ['market'],
    installed: ['market', 'installed'],
    facets: (kind: MarketKind) => ['market', 'facets', kind],
    /** The query object is part of the key: TanStack hashes it by value. */
    search: (q: object) => ['market', 'search', q],
    show: (kind: MarketKind, name: string) => ['market', 'show', kind, name],
    reviewsOf: (kind: MarketKind, name: string) => ['market', 'reviews', kind, name],
    reviews: (kind: MarketKind, name: string, page: number) => ['market', 'reviews', kind, name, page],
  },
  /** Everything of the cloud sits under one prefix: a sign-in or organization change drops it all. */
  cloud: {
    all: ['cloud'],
    status: ['cloud', 'status'],
    orgs: ['cloud', 'orgs'],
    tokens: ['cloud', 'tokens'],
    syncStatus: ['cloud', 'sync', 'status'],
    conflicts: ['cloud', 'sync', 'conflicts'],
    deployments: ['cloud', 'deployments'],
    deployment: (id: string) => ['cloud', 'deployment', id],
    metrics: (id: string) => ['cloud', 'deployment', id, 'metrics'],
    logsOf: (id: string) => ['cloud', 'deployment', id, 'logs'],
    logs: (id: string, level: string) => ['cloud', 'deployment', id, 'logs', level],
    account: ['cloud', 'account'],
    usageHistories: ['cloud', 'usage-history'],
    usageHistory: (months: number) => ['cloud', 'usage-history', months],
    legal: (doc: LegalDocView['doc']) => ['cloud', 'legal', doc],
    faq: ['cloud', 'faq'],
    serviceStatus: ['cloud', 'service-status'],
    team: {
      all: ['cloud', 'team'],
      profile: ['cloud', 'team', 'profile'],
      members: (offset: number) => ['cloud', 'team', 'members', offset],
      audit: (q: { offset: number; eventType: string; userId: string }) => ['cloud', 'team', 'audit', q],
    },
  },
} as const satisfies KeyTree;

interface KeyTree {
  readonly [name: string]: QueryKey | ((...args: never[]) => QueryKey) | KeyTree;
}

/**
 * Everything a mock change can show up in. Here, beside `qk`, because the mocks, responses
 * and logs features all invalidate it (a response edit changes its mock).
 */
export const mockKeys = (projectId: string, mockId?: string): QueryKey[] => [
  qk.mocks.list(projectId),
  qk.projects.detail(projectId),
  qk.projects.lists,
  qk.stats(projectId),
  qk.scenarios(projectId),
  ...(mockId ? [qk.mocks.detail(mockId)] : []),
];

/** Everything a bucket change shows up in. */
export const bucketKeys = (projectId: string, bucketId?: string): QueryKey[] => [
  qk.buckets.list(projectId),
  ...(bucketId ? [qk.buckets.detail(bucketId)] : []),
];
