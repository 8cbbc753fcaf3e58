import type { StateCreator } from 'zustand';
import type { AppState } from '../store';

export type ProjectDialog = { mode: 'create' } | { mode: 'edit'; projectId: string } | null;

/** The import dialog: open empty (pick a file or URL), or with a file dropped on the window. */
export type ImportDialog = { file: File | null } | null;

export interface OverlaySlice {
  paletteOpen: boolean;
  projectDialog: ProjectDialog;
  importDialog: ImportDialog;
  /** Bumped to move focus into the project search (Ctrl+K, /). */
  searchFocusTick: number;
  setPaletteOpen: (open: boolean) => void;
  setProjectDialog: (d: ProjectDialog) => void;
  setImportDialog: (d: ImportDialog) => void;
  focusSearch: () => void;
}

export const createOverlaySlice: StateCreator<AppState, [], [], OverlaySlice> = (set) => ({
  paletteOpen: false,
  projectDialog: null,
  importDialog: null,
  searchFocusTick: 0,
  setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
  setProjectDialog: (projectDialog) => set({ projectDialog }),
  setImportDialog: (importDialog) => set({ importDialog }),
  focusSearch: () => set((s) => ({ searchFocusTick: s.searchFocusTick + 1 })),
});
