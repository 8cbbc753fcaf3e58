import type { StateCreator } from 'zustand';
import type { AppState } from '../store';

export type CloudTab = 'account' | 'tokens' | 'sync' | 'deployments' | 'team' | 'audit' | 'data' | 'help' | 'status';

export interface CloudSlice {
  /** The Cloud screens replace the project area while open; projects stay selected underneath. */
  cloudOpen: boolean;
  cloudTab: CloudTab;
  /** The deployment whose metrics and logs are shown. */
  cloudDeploymentId: string | null;
  openCloud: (tab?: CloudTab) => void;
  closeCloud: () => void;
  selectDeployment: (id: string | null) => void;
}

export const createCloudSlice: StateCreator<AppState, [], [], CloudSlice> = (set) => ({
  cloudOpen: false,
  cloudTab: 'account',
  cloudDeploymentId: null,
  openCloud: (tab) =>
    set((s) => ({
      cloudOpen: true,
      aiOpen: false,
      federationsOpen: false,
      marketOpen: false,
      cloudTab: tab ?? s.cloudTab,
    })),
  closeCloud: () => set({ cloudOpen: false }),
  selectDeployment: (cloudDeploymentId) => set({ cloudDeploymentId }),
});
