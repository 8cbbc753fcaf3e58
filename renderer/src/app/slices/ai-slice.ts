import type { StateCreator } from 'zustand';
import type { AppState } from '../store';

export interface AiSlice {
  /** The AI settings screen replaces the project area while open, like the Cloud screens. */
  aiOpen: boolean;
  /** "New project from a description" is open. */
  aiProjectDialog: boolean;
  openAi: () => void;
  closeAi: () => void;
  setAiProjectDialog: (open: boolean) => void;
}

export const createAiSlice: StateCreator<AppState, [], [], AiSlice> = (set) => ({
  aiOpen: false,
  aiProjectDialog: false,
  openAi: () => set({ aiOpen: true, cloudOpen: false, federationsOpen: false, marketOpen: false }),
  closeAi: () => set({ aiOpen: false }),
  setAiProjectDialog: (aiProjectDialog) => set({ aiProjectDialog }),
});
