import { skipToken, useQuery as useTanstackQuery, type QueryKey } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { toAppError } from './api';
import { queryClient } from './query-client';

/**
 * Server state lives in TanStack Query's cache (query-client.ts), apart from the UI store,
 * under the keys of query-keys.ts. These helpers give the features that cache in the app's
 * own terms: errors as AppErrorShape, a `null` key for "nothing to ask yet", invalidation
 * that lets only the newest fetch write (an organization switch never shows the previous
 * organization's data). Editors copy data into
 * their own form state once, so a refetch never overwrites typing.
 */
export interface QueryResult<T> {
  data: T | undefined;
  error: AppErrorShape | null;
  /** A fetch is running: the first one, or a refetch behind the data shown. */
  loading: boolean;
  refetch: () => void;
}

const NOTHING: QueryKey = ['nothing'];

/** Reads `key`, fetching when it is missing or stale and again whenever it is invalidated. */
export function useQuery<T>(key: QueryKey | null, fetcher: () => Promise<T>): QueryResult<T> {
  const q = useTanstackQuery<T>({ queryKey: key ?? NOTHING, queryFn: key ? fetcher : skipToken }, queryClient);
  const error = useMemo(() => (q.error ? toAppError(q.error) : null), [q.error]);
  const { refetch } = q;
  return useMemo(
    () => ({ data: q.data, error, loading: q.isFetching, refetch: () => void refetch() }),
    [q.data, error, q.isFetching, refetch],
  );
}

/**
 * Marks every query under each key prefix stale; those on screen refetch at once. A fetch
 * still running is cancelled first: TanStack would otherwise keep a running first fetch (one
 * with no data yet) and store its answer, which may be for the previous organization or
 * account. So only a fetch started after this call may write. Resolves once refetched.
 */
export async function invalidate(...prefixes: QueryKey[]): Promise<void> {
  await Promise.all(
    prefixes.map(async (queryKey) => {
      await queryClient.cancelQueries({ queryKey });
      await queryClient.invalidateQueries({ queryKey });
    }),
  );
}

/** Writes a value the core pushed or returned (e.g. server.stateChanged) straight into the cache. */
export function setQueryData<T>(key: QueryKey, data: T): void {
  queryClient.setQueryData(key, data);
}
