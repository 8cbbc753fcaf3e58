import type { StateCreator } from 'zustand';
import type { AppState } from '../store';

export interface Toast {
  id: number;
  kind: 'info' | 'error';
  message: string;
  hint?: string | undefined;
}

export interface ToastSlice {
  toasts: Toast[];
  notify: (t: Omit<Toast, 'id'>) => void;
  dismiss: (id: number) => void;
}

let nextId = 1;
const MAX_TOASTS = 3;

export const createToastSlice: StateCreator<AppState, [], [], ToastSlice> = (set) => ({
  toasts: [],
  notify: (t) => {
    const toast = { ...t, id: nextId++ };
    set((s) => ({ toasts: [...s.toasts, toast].slice(-MAX_TOASTS) }));
    // Errors stay until dismissed: a message that vanishes before it is read is no message.
    if (t.kind === 'info') setTimeout(() => set((s) => ({ toasts: s.toasts.filter((x) => x.id !== toast.id) })), 2500);
  },
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((x) => x.id !== id) })),
});
