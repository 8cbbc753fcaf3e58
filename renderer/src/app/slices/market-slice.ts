import type { StateCreator } from 'zustand';
import type { MarketKind } from '../../../../shared/models';
import type { AppState } from '../store';

export type MarketTab = MarketKind | 'installed';

export interface MarketSlice {
  /** The marketplace browser replaces the project area while open, like the Cloud screens. */
  marketOpen: boolean;
  marketTab: MarketTab;
  /** The item whose detail page is shown; null shows the search of `marketTab`. */
  marketItem: { kind: MarketKind; name: string } | null;
  /** The project whose "Publish to marketplace" dialog is open. */
  publishProjectId: string | null;
  openMarket: (tab?: MarketTab, item?: { kind: MarketKind; name: string } | null) => void;
  closeMarket: () => void;
  setPublishProject: (id: string | null) => void;
}

export const createMarketSlice: StateCreator<AppState, [], [], MarketSlice> = (set) => ({
  marketOpen: false,
  marketTab: 'scenarios',
  marketItem: null,
  publishProjectId: null,
  openMarket: (tab, item) =>
    set((s) => ({
      marketOpen: true,
      cloudOpen: false,
      aiOpen: false,
      federationsOpen: false,
      marketTab: tab ?? s.marketTab,
      marketItem: item === undefined ? (tab ? null : s.marketItem) : item,
    })),
  closeMarket: () => set({ marketOpen: false }),
  setPublishProject: (publishProjectId) => set({ publishProjectId }),
});
