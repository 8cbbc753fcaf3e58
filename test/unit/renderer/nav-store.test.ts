import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../renderer/src/app/store';
import { leavesDirtyEditor, resolveNav } from '../../../renderer/src/app/slices/nav-slice';
import { cleanFilters } from '../../../renderer/src/app/slices/log-filter-slice';

const at = { projectId: 'p1', mockId: 'm1', responseId: 'r1', view: 'mocks' as const };

describe('resolveNav', () => {
  it('resets the mock and response when the project changes', () => {
    expect(resolveNav(at, { projectId: 'p2' })).toEqual({
      projectId: 'p2',
      mockId: null,
      responseId: null,
      view: 'mocks',
    });
  });
  it('resets only the response when the mock changes', () => {
    expect(resolveNav(at, { mockId: 'm2' })).toEqual({
      projectId: 'p1',
      mockId: 'm2',
      responseId: null,
      view: 'mocks',
    });
  });
  it('keeps the selection when only the view changes', () => {
    expect(resolveNav(at, { view: 'logs' })).toEqual({ ...at, view: 'logs' });
  });
});

describe('leavesDirtyEditor', () => {
  it('a dirty response editor is left when another response is picked, not when the view stays', () => {
    expect(leavesDirtyEditor({ response: true }, at, { ...at, responseId: 'r2' })).toBe(true);
    expect(leavesDirtyEditor({ response: true }, at, at)).toBe(false);
  });
  it('a dirty mock editor survives picking a response of the same mock', () => {
    expect(leavesDirtyEditor({ mock: true }, at, { ...at, responseId: 'r2' })).toBe(false);
    expect(leavesDirtyEditor({ mock: true }, at, { ...at, mockId: 'm2', responseId: null })).toBe(true);
    expect(leavesDirtyEditor({ mock: true }, at, { ...at, view: 'stats' })).toBe(true);
  });
  it('clean editors never block', () => {
    expect(
      leavesDirtyEditor({ mock: false, response: false }, at, {
        projectId: 'p2',
        mockId: null,
        responseId: null,
        view: 'mocks',
      }),
    ).toBe(false);
  });
});

describe('the app store', () => {
  it('holds a navigation back while an editor is dirty, then discards on confirm', () => {
    const store = createAppStore();
    store.getState().navigate({ projectId: 'p1', mockId: 'm1' });
    store.getState().setDirty('mock', true);
    store.getState().navigate({ mockId: 'm2' });
    expect(store.getState().mockId).toBe('m1');
    expect(store.getState().pendingNav).toEqual({ mockId: 'm2' });

    store.getState().cancelPendingNav();
    expect(store.getState().pendingNav).toBeNull();
    expect(store.getState().mockId).toBe('m1');

    store.getState().navigate({ mockId: 'm2' });
    store.getState().confirmPendingNav();
    expect(store.getState().mockId).toBe('m2');
    expect(store.getState().dirty).toEqual({});
  });

  it('starts another project with clean log filters and no selected log', () => {
    const store = createAppStore();
    store.getState().navigate({ projectId: 'p1', view: 'logs' });
    store.getState().setLogFilters({ mockId: 'm-of-p1', statusClass: '5xx' });
    store.getState().selectLog('l1');
    store.getState().navigate({ view: 'stats' });
    expect(store.getState().logFilters).toEqual({ mockId: 'm-of-p1', statusClass: '5xx' });
    store.getState().navigate({ projectId: 'p2' });
    expect(store.getState()).toMatchObject({ logFilters: {}, selectedLogId: null, view: 'stats' });
  });

  it('navigates at once when nothing is dirty', () => {
    const store = createAppStore();
    store.getState().navigate({ projectId: 'p1', view: 'logs' });
    expect(store.getState()).toMatchObject({ projectId: 'p1', view: 'logs', pendingNav: null });
  });

  it('keeps at most three toasts, newest last', () => {
    const store = createAppStore();
    for (let i = 0; i < 5; i++) store.getState().notify({ kind: 'error', message: `e${i}` });
    expect(store.getState().toasts.map((t) => t.message)).toEqual(['e2', 'e3', 'e4']);
    store.getState().dismiss(store.getState().toasts[0]!.id);
    expect(store.getState().toasts.map((t) => t.message)).toEqual(['e3', 'e4']);
  });

  it('drops empty log filters so "any" is never sent as a filter', () => {
    const store = createAppStore();
    store.getState().setLogFilters({ method: 'GET', pathText: '  ' });
    expect(store.getState().logFilters).toEqual({ method: 'GET' });
    store.getState().setLogFilters({ method: undefined, statusClass: '4xx' });
    expect(store.getState().logFilters).toEqual({ statusClass: '4xx' });
    expect(cleanFilters({ pathText: ' /users ', mockId: '' })).toEqual({ pathText: '/users' });
  });
});
