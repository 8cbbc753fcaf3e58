import type { QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { EventName, EventPayload } from '../../../shared/ipc/contract';
import { subscribe } from './api';
import { invalidate, setQueryData } from './query';
import { qk } from './query-keys';
import { useAppStore } from './store';

type EventInvalidations = { readonly [K in EventName]?: (payload: EventPayload<K>) => QueryKey[] };

/**
 * Which cached answers each event from main makes wrong: the one place that maps the core's
 * change events to query keys. Changes made elsewhere (the REST API, the CLI, another window,
 * a sync) reach the screen through here.
 */
export const EVENT_INVALIDATIONS = {
  'catalog.changed': (e) => [
    qk.projects.lists,
    qk.projects.detail(e.projectId),
    qk.mocks.list(e.projectId),
    qk.mocks.details,
    qk.stats(e.projectId),
    // Each recorded mock is a catalog change: the Proxy view's count follows it.
    qk.recording(e.projectId),
    qk.buckets.list(e.projectId),
    qk.buckets.details,
  ],
  // Pipeline runs end in the background: their lists and executions refresh.
  'pipelines.executionFinished': () => [qk.pipelines.all],
  // Another account, server or organization makes every cached cloud answer wrong.
  'cloud.authChanged': () => [qk.cloud.all],
  // Requests change counters (hits, stats), scenario states and data buckets. Batched below:
  // at most one refetch a second, whatever the request rate.
  'requestLogs.appended': (rows) => [
    ...[...new Set(rows.map((r) => r.projectId))].flatMap((p) => [qk.mocks.list(p), qk.stats(p), qk.scenarios(p)]),
    // Bucket details are keyed by bucket: only the one on screen refetches.
    ...(rows.length > 0 ? [qk.buckets.details] : []),
  ],
  // A sync can pull projects and mocks in, and ends with or without conflicts.
  'sync.progress': (p) =>
    p.phase === 'finished' || p.phase === 'failed'
      ? [qk.cloud.syncStatus, qk.cloud.conflicts, qk.projects.all, qk.mocks.all]
      : [],
} satisfies EventInvalidations;

/** Events that come in bursts: their keys are gathered and invalidated once per window. */
export const BATCH_MS: { readonly [K in EventName]?: number } = { 'requestLogs.appended': 1000 };

/** Subscribes every entry of `table`; returns the unsubscribe. */
export function subscribeInvalidations(table: EventInvalidations = EVENT_INVALIDATIONS): () => void {
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const offs = (Object.keys(table) as EventName[]).map((name) => {
    const pending = new Map<string, QueryKey>();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      if (timer) timers.delete(timer);
      timer = null;
      const stale = [...pending.values()];
      pending.clear();
      if (stale.length > 0) void invalidate(...stale);
    };
    return subscribe(name, (payload: EventPayload<typeof name>) => {
      const keysFor = table[name] as ((p: typeof payload) => QueryKey[]) | undefined;
      for (const key of keysFor?.(payload) ?? []) pending.set(JSON.stringify(key), key);
      const wait = BATCH_MS[name];
      if (wait === undefined) return flush();
      if (!timer && pending.size > 0) {
        timer = setTimeout(flush, wait);
        timers.add(timer);
      }
    });
  });
  return () => {
    offs.forEach((off) => off());
    timers.forEach((t) => clearTimeout(t));
  };
}

/** Keeps the cache true to the core for as long as the app is mounted. */
export function useLiveEvents(): void {
  useEffect(() => {
    const offs = [
      subscribeInvalidations(),
      // Server state arrives whole: written, not refetched.
      subscribe('server.stateChanged', (state) => setQueryData(qk.server, state)),
      subscribe('pipelines.executionFinished', (e) => {
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
