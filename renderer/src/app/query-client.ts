import { QueryClient } from '@tanstack/react-query';
import type { ErrorCode } from '../../../shared/ipc/result';
import { toAppError } from './api';
import { qk } from './query-keys';

/**
 * A failure worth one more try: only a transport hiccup (the web bridge reconnecting, a call
 * lost on the way). Every other code is the core's answer about the user's data or account,
 * and asking again would only show the same error later.
 */
const TRANSIENT: ReadonlySet<ErrorCode> = new Set(['INTERNAL_ERROR']);

export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < 1 && TRANSIENT.has(toAppError(error).code);
}

/**
 * Defaults for a desktop app whose data sits in a local main process. The core pushes every
 * catalog change (live-events.ts), so local answers stay fresh for a while and are not asked
 * for again on each mount; focus and reconnect refetches are off (switching windows must not
 * fire a burst of IPC calls). Cloud answers change on a server that pushes nothing: those are
 * stale at once and refetch whenever a screen showing them mounts, as before.
 */
export function createQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        retry: shouldRetry,
        retryDelay: 300,
      },
    },
  });
  client.setQueryDefaults(qk.cloud.all, { staleTime: 0 });
  client.setQueryDefaults(qk.market.all, { staleTime: 0 });
  return client;
}

/** The renderer's one cache: provided at the root, and used by event handlers outside React. */
export const queryClient = createQueryClient();
