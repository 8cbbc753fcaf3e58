import type { StateCreator } from 'zustand';
import type { AppState } from '../store';

export interface DirtySlice {
  /** Editor id ("mock", "response", "project") → has unsaved changes. */
  dirty: Record<string, boolean>;
  setDirty: (editor: string, isDirty: boolean) => void;
}

export const createDirtySlice: StateCreator<AppState, [], [], DirtySlice> = (set, get) => ({
  dirty: {},
  setDirty: (editor, isDirty) => {
    if ((get().dirty[editor] ?? false) === isDirty) return;
    set((s) => ({ dirty: { ...s.dirty, [editor]: isDirty } }));
  },
});

export const anyDirty = (s: Pick<DirtySlice, 'dirty'>): boolean => Object.values(s.dirty).some(Boolean);
