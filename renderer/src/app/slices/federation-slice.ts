import type { StateCreator } from 'zustand';
import type { AppState } from '../store';

export interface FederationSlice {
  /** The federation screen replaces the project area while open (as the Cloud screens do). */
  federationsOpen: boolean;
  /** The federation being edited; 'new' for an unsaved one. */
  federationId: string | 'new' | null;
  openFederations: (id?: string | 'new' | null) => void;
  closeFederations: () => void;
}

export const createFederationSlice: StateCreator<AppState, [], [], FederationSlice> = (set) => ({
  federationsOpen: false,
  federationId: null,
  openFederations: (id) =>
    set((s) => ({
      federationsOpen: true,
      cloudOpen: false,
      aiOpen: false,
      marketOpen: false,
      federationId: id === undefined ? s.federationId : id,
    })),
  closeFederations: () => set({ federationsOpen: false }),
});
