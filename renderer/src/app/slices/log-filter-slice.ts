import type { StateCreator } from 'zustand';
import type { RequestLogFilter } from '../../../../shared/ipc/contract';
import type { AppState } from '../store';

export type LogFilters = Omit<RequestLogFilter, 'projectId'>;

export interface LogFilterSlice {
  logFilters: LogFilters;
  selectedLogId: string | null;
  setLogFilters: (patch: Partial<LogFilters>) => void;
  selectLog: (id: string | null) => void;
}

/** Drops empty values so "any" is absent rather than "", which the API would treat as a filter. */
export function cleanFilters(f: LogFilters): LogFilters {
  const out: LogFilters = {};
  if (f.method) out.method = f.method;
  if (f.statusClass) out.statusClass = f.statusClass;
  if (f.pathText?.trim()) out.pathText = f.pathText.trim();
  if (f.mockId) out.mockId = f.mockId;
  return out;
}

export const createLogFilterSlice: StateCreator<AppState, [], [], LogFilterSlice> = (set) => ({
  logFilters: {},
  selectedLogId: null,
  setLogFilters: (patch) => set((s) => ({ logFilters: cleanFilters({ ...s.logFilters, ...patch }) })),
  selectLog: (selectedLogId) => set({ selectedLogId }),
});
