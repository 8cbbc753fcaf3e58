import { useCallback, useEffect } from 'react';
import { create } from 'zustand';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { toAppError } from './api';

/**
 * Server state lives here, apart from the UI store: a small cache of call results keyed by
 * strings from `keys`, refetched when a mutation or a catalog event invalidates a key prefix.
 * Editors copy data into their own form state once, so a refetch never overwrites typing.
 */
interface Entry {
  data: unknown;
  error: AppErrorShape | null;
  loading: boolean;
  /** Bumped by invalidate(); a mounted useQuery refetches when it changes. */
  generation: number;
}

interface CacheState {
  entries: Record<string, Entry>;
}

export const useQueryCache = create<CacheState>()(() => ({ entries: {} }));

/**
 * One running fetch per key, shared by every caller asking for the same generation. A call
 * after invalidate() (a newer generation) starts its own fetch: the running one may answer
 * for what was true before (the previous organization), so only the newest may write.
 */
const inflight = new Map<string, { promise: Promise<unknown>; generation: number }>();
const EMPTY: Entry = { data: undefined, error: null, loading: false, generation: 0 };

function patch(key: string, p: Partial<Entry>): void {
  useQueryCache.setState((s) => ({ entries: { ...s.entries, [key]: { ...(s.entries[key] ?? EMPTY), ...p } } }));
}

export async function fetchQuery<T>(key: string, fetcher: () => Promise<T>): Promise<T> {
  const generation = useQueryCache.getState().entries[key]?.generation ?? 0;
  const running = inflight.get(key);
  if (running && running.generation === generation) return running.promise as Promise<T>;
  patch(key, { loading: true });
  const current = () => inflight.get(key) === mine;
  const promise = fetcher().then(
    (data) => {
      if (current()) patch(key, { data, error: null, loading: false });
      return data;
    },
    (e: unknown) => {
      if (current()) patch(key, { error: toAppError(e), loading: false });
      throw e;
    },
  );
  const mine = { promise, generation };
  inflight.set(key, mine);
  void promise
    .catch(() => undefined)
    .finally(() => {
      if (current()) inflight.delete(key);
    });
  return promise;
}

/** Marks every key starting with one of `prefixes` stale; mounted queries refetch. */
export function invalidate(...prefixes: string[]): void {
  useQueryCache.setState((s) => {
    const entries = { ...s.entries };
    for (const key of Object.keys(entries)) {
      const e = entries[key];
      if (e && prefixes.some((p) => key.startsWith(p))) entries[key] = { ...e, generation: e.generation + 1 };
    }
    return { entries };
  });
}

export interface QueryResult<T> {
  data: T | undefined;
  error: AppErrorShape | null;
  loading: boolean;
  refetch: () => void;
}

/** Reads `key` from the cache, fetching on mount, on key change and after invalidation. */
export function useQuery<T>(key: string | null, fetcher: () => Promise<T>): QueryResult<T> {
  const entry = useQueryCache((s) => (key ? s.entries[key] : undefined)) ?? EMPTY;
  const generation = entry.generation;
  useEffect(() => {
    if (!key) return;
    fetchQuery(key, fetcher).catch(() => undefined);
    // The fetcher is recreated every render; the key names what it fetches.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, generation]);
  const refetch = useCallback(() => {
    if (key) invalidate(key);
  }, [key]);
  return { data: entry.data as T | undefined, error: entry.error, loading: entry.loading, refetch };
}

/** Key factories, so a mutation invalidates exactly what it changed. */
export const keys = {
  projects: (search = '') => `projects:list:${search}`,
  projectsAll: 'projects:',
  project: (id: string) => `project:${id}`,
  mocks: (projectId: string) => `mocks:${projectId}`,
  mocksAll: 'mocks:',
  mock: (id: string) => `mock:${id}`,
  mockAll: 'mock:',
  buckets: (projectId: string) => `buckets:${projectId}`,
  bucketsAll: 'buckets:',
  bucket: (id: string) => `bucket:${id}`,
  bucketAll: 'bucket:',
  stats: (projectId: string) => `stats:${projectId}`,
  statsAll: 'stats:',
  recording: (projectId: string) => `recording:${projectId}`,
  scenarios: (projectId: string) => `scenarios:${projectId}`,
  federations: 'federations:',
  server: 'server',
  appInfo: 'app.info',
} as const;

/**
 * Everything a mock change can show up in. Here, beside `keys`, because both the mocks and
 * the responses features invalidate it (a response edit changes its mock).
 */
export const mockKeys = (projectId: string, mockId?: string) => [
  keys.mocks(projectId),
  keys.project(projectId),
  keys.projectsAll,
  keys.stats(projectId),
  keys.scenarios(projectId),
  ...(mockId ? [keys.mock(mockId)] : []),
];

/** Writes a pushed value (e.g. server.stateChanged) straight into the cache. */
export function setQueryData<T>(key: string, data: T): void {
  patch(key, { data, error: null, loading: false });
}
