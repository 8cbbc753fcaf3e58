import { create } from 'zustand';
import { createAiSlice, type AiSlice } from './slices/ai-slice';
import { createCloudSlice, type CloudSlice } from './slices/cloud-slice';
import { createDirtySlice, type DirtySlice } from './slices/dirty-slice';
import { createFederationSlice, type FederationSlice } from './slices/federation-slice';
import { createMarketSlice, type MarketSlice } from './slices/market-slice';
import { createLogFilterSlice, type LogFilterSlice } from './slices/log-filter-slice';
import { createNavSlice, type NavSlice } from './slices/nav-slice';
import { createOverlaySlice, type OverlaySlice } from './slices/overlay-slice';
import { createToastSlice, type ToastSlice } from './slices/toast-slice';

/** UI and session state only; what the core owns is cached in query.ts. */
export type AppState = NavSlice &
  DirtySlice &
  ToastSlice &
  OverlaySlice &
  LogFilterSlice &
  CloudSlice &
  AiSlice &
  FederationSlice &
  MarketSlice;

export const createAppStore = () =>
  create<AppState>()((...a) => ({
    ...createNavSlice(...a),
    ...createDirtySlice(...a),
    ...createToastSlice(...a),
    ...createOverlaySlice(...a),
    ...createLogFilterSlice(...a),
    ...createCloudSlice(...a),
    ...createAiSlice(...a),
    ...createFederationSlice(...a),
    ...createMarketSlice(...a),
  }));

export const useAppStore = createAppStore();
