import { useEffect } from 'react';
import { subscribe } from './api';
import { invalidate, keys, setQueryData } from './query';
import { useAppStore } from './store';

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
      // Pipeline runs end in the background: refresh their lists, and say so when one failed.
      subscribe('pipelines.executionFinished', (e) => {
        invalidate('pipelines:');
        if (e.status === 'failed') {
          useAppStore.getState().notify({
            kind: 'error',
            message: `A pipeline run failed: ${e.error_message ?? 'see its step log'}`,
            hint: 'open the project’s Pipelines tab for the step log',
          });
        }
      }),
    ];
    return () => offs.forEach((off) => off());
  }, []);
}
