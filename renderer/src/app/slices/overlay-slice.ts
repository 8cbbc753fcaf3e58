import type { StateCreator } from 'zustand';
import type { AppState } from '../store';

export type ProjectDialog = { mode: 'create' } | { mode: 'edit'; projectId: string } | null;

export interface OverlaySlice {
  paletteOpen: boolean;
  projectDialog: ProjectDialog;
  /** Bumped to move focus into the project search (Ctrl+K, /). */
  searchFocusTick: number;
  setPaletteOpen: (open: boolean) => void;
  setProjectDialog: (d: ProjectDialog) => void;
  focusSearch: () => void;
}

export const createOverlaySlice: StateCreator<AppState, [], [], OverlaySlice> = (set) => ({
  paletteOpen: false,
  projectDialog: null,
  searchFocusTick: 0,
  setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
  setProjectDialog: (projectDialog) => set({ projectDialog }),
  focusSearch: () => set((s) => ({ searchFocusTick: s.searchFocusTick + 1 })),
});
