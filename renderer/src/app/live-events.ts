import { useEffect } from 'react';
import { subscribe } from './api';
import { invalidate, keys, setQueryData } from './query';

/**
 * Keeps the cache true to the core when something else changes it (the REST API, a CLI,
 * another window): catalog edits invalidate, server state is pushed whole.
 */
export function useLiveEvents(): void {
  useEffect(() => {
    const offs = [
      subscribe('catalog.changed', (e) => {
        invalidate(
          keys.projectsAll,
          keys.project(e.projectId),
          keys.mocks(e.projectId),
          keys.mockAll,
          keys.stats(e.projectId),
          // Each recorded mock is a catalog change: the Proxy view's count follows it.
          keys.recording(e.projectId),
          keys.buckets(e.projectId),
          keys.bucketAll,
        );
      }),
      subscribe('server.stateChanged', (state) => setQueryData(keys.server, state)),
    ];
    return () => offs.forEach((off) => off());
  }, []);
}
