import type { StateCreator } from 'zustand';
import type { AppState } from '../store';

export type View = 'mocks' | 'buckets' | 'logs' | 'stats' | 'chaos' | 'proxy' | 'pipelines' | 'plugins';
/** 'new' opens an empty editor; nothing is created until it is saved. */
export type EditorTarget = string | 'new' | null;

export interface NavTarget {
  projectId?: string | null;
  mockId?: EditorTarget;
  responseId?: EditorTarget;
  view?: View;
}

export interface NavSlice {
  projectId: string | null;
  mockId: EditorTarget;
  responseId: EditorTarget;
  view: View;
  /** A navigation held back because an editor has unsaved changes. */
  pendingNav: NavTarget | null;
  /** Goes to `target` unless an editor is dirty, in which case it asks first. */
  navigate: (target: NavTarget) => void;
  confirmPendingNav: () => void;
  cancelPendingNav: () => void;
}

/** Leaving a project resets the mock and response below it; leaving a mock resets its response. */
export function resolveNav(s: Pick<NavSlice, 'projectId' | 'mockId' | 'responseId' | 'view'>, t: NavTarget) {
  const projectId = t.projectId !== undefined ? t.projectId : s.projectId;
  const projectChanged = projectId !== s.projectId;
  const mockId = t.mockId !== undefined ? t.mockId : projectChanged ? null : s.mockId;
  const mockChanged = mockId !== s.mockId;
  const responseId = t.responseId !== undefined ? t.responseId : mockChanged || projectChanged ? null : s.responseId;
  const view = t.view ?? s.view;
  return { projectId, mockId, responseId, view };
}

/** True when going to `next` would unmount an editor that has unsaved changes. */
export function leavesDirtyEditor(
  dirty: Record<string, boolean>,
  cur: Pick<NavSlice, 'projectId' | 'mockId' | 'responseId' | 'view'>,
  next: Pick<NavSlice, 'projectId' | 'mockId' | 'responseId' | 'view'>,
): boolean {
  const leavingMock = next.mockId !== cur.mockId || next.projectId !== cur.projectId || next.view !== cur.view;
  const leavingResponse = leavingMock || next.responseId !== cur.responseId;
  return Object.entries(dirty).some(([editor, isDirty]) => {
    if (!isDirty) return false;
    if (editor.startsWith('response')) return leavingResponse;
    if (editor.startsWith('mock')) return leavingMock;
    return next.projectId !== cur.projectId;
  });
}

/** Log filters and the selected log belong to one project: another project starts clean. */
function projectScoped(s: AppState, projectId: string | null): Partial<AppState> {
  return projectId === s.projectId ? {} : { logFilters: {}, selectedLogId: null };
}

export const createNavSlice: StateCreator<AppState, [], [], NavSlice> = (set, get) => ({
  projectId: null,
  mockId: null,
  responseId: null,
  view: 'mocks',
  pendingNav: null,
  navigate: (target) => {
    const s = get();
    const next = resolveNav(s, target);
    if (leavesDirtyEditor(s.dirty, s, next)) {
      set({ pendingNav: target });
      return;
    }
    // Picking a project leaves the federation screen, which covers the project area.
    const leave = target.projectId !== undefined ? { federationsOpen: false } : {};
    set({ ...next, ...projectScoped(s, next.projectId), ...leave, pendingNav: null });
  },
  confirmPendingNav: () => {
    const s = get();
    if (!s.pendingNav) return;
    // Discarding: the editors that were dirty unmount, so their flags go too.
    const next = resolveNav(s, s.pendingNav);
    set({ ...next, ...projectScoped(s, next.projectId), pendingNav: null, dirty: {} });
  },
  cancelPendingNav: () => set({ pendingNav: null }),
});
