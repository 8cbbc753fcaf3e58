// @vitest-environment jsdom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import type { QueryKey } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventName, MockDeckApi } from '../../../shared/ipc/contract';
import { setApiForTests, toAppError } from '../../../renderer/src/app/api';
import { subscribeInvalidations } from '../../../renderer/src/app/live-events';
import { invalidate, setQueryData, useQuery } from '../../../renderer/src/app/query';
import { queryClient, shouldRetry } from '../../../renderer/src/app/query-client';
import { mockKeys, qk } from '../../../renderer/src/app/query-keys';
import { ApiError } from '../../../renderer/src/platform/api-error';

/** An API whose events the test emits, as main would. */
function fakeMain() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const api: MockDeckApi = {
    invoke: (async () => {
      throw new Error('no calls in this test');
    }) as MockDeckApi['invoke'],
    on: ((name: string, listener: (payload: unknown) => void) => {
      const set = listeners.get(name) ?? new Set();
      set.add(listener);
      listeners.set(name, set);
      return () => set.delete(listener);
    }) as MockDeckApi['on'],
  };
  setApiForTests(api);
  return { emit: (name: EventName, payload: unknown) => listeners.get(name)?.forEach((l) => l(payload)) };
}

/** Every key the screens cache, across features and projects. */
const SEEDED: QueryKey[] = [
  qk.projects.list(''),
  qk.projects.list('shop'),
  qk.projects.detail('p1'),
  qk.projects.detail('p2'),
  qk.mocks.list('p1'),
  qk.mocks.list('p2'),
  qk.mocks.detail('m1'),
  qk.stats('p1'),
  qk.stats('p2'),
  qk.recording('p1'),
  qk.buckets.list('p1'),
  qk.buckets.detail('b1'),
  qk.scenarios('p1'),
  qk.server,
  qk.federations,
  qk.pipelines.list('p1'),
  qk.plugins.list,
  qk.market.installed,
  qk.cloud.status,
  qk.cloud.conflicts,
  qk.cloud.syncStatus,
  qk.cloud.team.members(0),
  qk.cloud.usageHistory(6),
];
const stale = () =>
  SEEDED.filter((k) => queryClient.getQueryState(k)?.isInvalidated)
    .map((k) => JSON.stringify(k))
    .sort();
/** Invalidation cancels running fetches first, a microtask or two away. */
const settle = () => new Promise((r) => setTimeout(r, 0));
const names = (...ks: QueryKey[]) => ks.map((k) => JSON.stringify(k)).sort();

beforeEach(() => {
  queryClient.clear();
  for (const k of SEEDED) setQueryData(k, 'cached');
});
afterEach(() => {
  cleanup();
  setApiForTests(null);
});

describe('events from main invalidate exactly what they change', () => {
  it('catalog.changed: that project, every project list and detail of mocks/buckets, nothing of another project or the cloud', async () => {
    const main = fakeMain();
    const off = subscribeInvalidations();
    main.emit('catalog.changed', { projectId: 'p1', kind: 'mock' });
    await settle();
    expect(stale()).toEqual(
      names(
        qk.projects.list(''),
        qk.projects.list('shop'),
        qk.projects.detail('p1'),
        qk.mocks.list('p1'),
        qk.mocks.detail('m1'),
        qk.stats('p1'),
        qk.recording('p1'),
        qk.buckets.list('p1'),
        qk.buckets.detail('b1'),
      ),
    );
    off();
  });
  it('cloud.authChanged drops every cloud answer (team, usage too) and no local one', async () => {
    const main = fakeMain();
    const off = subscribeInvalidations();
    main.emit('cloud.authChanged', { signedIn: false });
    await settle();
    expect(stale()).toEqual(
      names(
        qk.cloud.status,
        qk.cloud.conflicts,
        qk.cloud.syncStatus,
        qk.cloud.team.members(0),
        qk.cloud.usageHistory(6),
      ),
    );
    off();
  });
  it('sync.progress refreshes only when the sync ended, and then the projects and mocks it may have pulled', async () => {
    const main = fakeMain();
    const off = subscribeInvalidations();
    main.emit('sync.progress', { phase: 'pulling' });
    await settle();
    expect(stale()).toEqual([]);
    main.emit('sync.progress', { phase: 'finished' });
    await settle();
    expect(stale()).toEqual(
      names(
        qk.cloud.conflicts,
        qk.cloud.syncStatus,
        qk.projects.list(''),
        qk.projects.list('shop'),
        qk.projects.detail('p1'),
        qk.projects.detail('p2'),
        qk.mocks.list('p1'),
        qk.mocks.list('p2'),
        qk.mocks.detail('m1'),
      ),
    );
    off();
  });
  it('requestLogs.appended: a burst becomes one refresh a second of counters, scenarios and buckets of those projects', async () => {
    vi.useFakeTimers();
    try {
      const main = fakeMain();
      const off = subscribeInvalidations();
      main.emit('requestLogs.appended', [{ projectId: 'p1' }, { projectId: 'p1' }]);
      main.emit('requestLogs.appended', [{ projectId: 'p2' }]);
      await vi.advanceTimersByTimeAsync(999);
      expect(stale()).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(stale()).toEqual(
        names(
          qk.mocks.list('p1'),
          qk.mocks.list('p2'),
          qk.stats('p1'),
          qk.stats('p2'),
          qk.scenarios('p1'),
          qk.buckets.detail('b1'),
        ),
      );
      // Nothing pending is left behind when the app unmounts mid-window.
      for (const k of SEEDED) setQueryData(k, 'fresh');
      main.emit('requestLogs.appended', [{ projectId: 'p1' }]);
      off();
      await vi.advanceTimersByTimeAsync(2000);
      expect(stale()).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
  it('stops invalidating once unsubscribed', async () => {
    const main = fakeMain();
    subscribeInvalidations()();
    main.emit('catalog.changed', { projectId: 'p1', kind: 'project' });
    await settle();
    expect(stale()).toEqual([]);
  });
});

describe('key factories', () => {
  it('a mock edit reaches its list, its project, the project lists, stats, scenarios and the mock, not other projects', async () => {
    await invalidate(...mockKeys('p1', 'm1'));
    expect(stale()).toEqual(
      names(
        qk.projects.list(''),
        qk.projects.list('shop'),
        qk.projects.detail('p1'),
        qk.mocks.list('p1'),
        qk.mocks.detail('m1'),
        qk.stats('p1'),
        qk.scenarios('p1'),
      ),
    );
  });
});

describe('useQuery over the shared cache', () => {
  it('an organization switch mid-fetch never shows the previous organization’s answer', async () => {
    fakeMain();
    queryClient.clear();
    const gates: Array<(v: string) => void> = [];
    const fetcher = () => new Promise<string>((resolve) => gates.push(resolve));
    const { result } = renderHook(() => useQuery(qk.cloud.team.members(0), fetcher));
    await waitFor(() => expect(gates).toHaveLength(1));
    // OrgSwitcher: orgs.select, then every cloud answer is asked for again.
    await act(async () => void invalidate(qk.cloud.all));
    await waitFor(() => expect(gates).toHaveLength(2));
    await act(async () => gates[1]?.('new org'));
    await act(async () => gates[0]?.('old org'));
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.data).toBe('new org');
    expect(queryClient.getQueryData(qk.cloud.team.members(0))).toBe('new org');
  });
  it('surfaces a refusal as the app’s error shape at once, without asking again', async () => {
    fakeMain();
    queryClient.clear();
    let asked = 0;
    const refusal = { code: 'NOT_FOUND' as const, message: 'mock "x" does not exist', hint: 'check the id' };
    const { result } = renderHook(() =>
      useQuery(qk.mocks.detail('x'), async () => {
        asked++;
        throw new ApiError(refusal);
      }),
    );
    await waitFor(() => expect(result.current.error).toEqual(refusal));
    expect(asked).toBe(1);
  });
  it('asks nothing for a null key', async () => {
    let asked = 0;
    const { result } = renderHook(() => useQuery<string>(null, async () => String(++asked)));
    await act(async () => await new Promise((r) => setTimeout(r, 10)));
    expect([asked, result.current.data, result.current.loading]).toEqual([0, undefined, false]);
  });
  it('a local answer is reused on remount (main pushes its changes); a cloud answer is asked for again', async () => {
    queryClient.clear();
    let local = 0;
    let cloud = 0;
    const mount = () =>
      renderHook(() => ({
        l: useQuery(qk.federations, async () => ++local),
        c: useQuery(qk.cloud.orgs, async () => ++cloud),
      }));
    const first = mount();
    await waitFor(() => expect(first.result.current.c.data).toBe(1));
    first.unmount();
    const second = mount();
    await waitFor(() => expect(second.result.current.c.data).toBe(2));
    expect(second.result.current.l.data).toBe(1);
    expect(local).toBe(1);
  });
});

describe('retry policy', () => {
  it('retries a transport failure once, never an answer about the user’s data', () => {
    expect(shouldRetry(0, toAppError(new Error('socket closed')))).toBe(true);
    expect(shouldRetry(1, toAppError(new Error('socket closed')))).toBe(false);
    for (const code of ['NOT_FOUND', 'VALIDATION_ERROR', 'UNAUTHORIZED', 'OFFLINE', 'CLOUD_ERROR'] as const) {
      expect(shouldRetry(0, { code, message: 'x' })).toBe(false);
    }
  });
});

describe('toAppError', () => {
  it('keeps the shape the bridge attaches, and gives anything else a message', () => {
    const shape = {
      code: 'PORT_IN_USE' as const,
      message: 'port 3001 is in use',
      hint: 'stop the other program or choose another port',
    };
    expect(toAppError(new ApiError(shape))).toEqual(shape);
    expect(toAppError(new Error('socket closed'))).toMatchObject({ code: 'INTERNAL_ERROR', message: 'socket closed' });
    expect(toAppError('boom')).toMatchObject({ message: 'boom' });
  });
});
