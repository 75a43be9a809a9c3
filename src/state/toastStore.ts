import { create } from 'zustand';

export type ToastKind = 'info' | 'success' | 'error';

export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
  /** Optional action button, e.g. "Undo". */
  action?: { label: string; run: () => void };
}

interface ToastState {
  toasts: Toast[];
  show: (kind: ToastKind, message: string, action?: Toast['action']) => number;
  dismiss: (id: number) => void;
}

let nextId = 1;
const LIFETIME_MS: Record<ToastKind, number> = { info: 6000, success: 6000, error: 12000 };

export const useToasts = create<ToastState>((set, get) => ({
  toasts: [],
  show: (kind, message, action) => {
    const id = nextId++;
    set({ toasts: [...get().toasts.slice(-2), { id, kind, message, action }] });
    setTimeout(() => get().dismiss(id), action ? LIFETIME_MS[kind] * 2 : LIFETIME_MS[kind]);
    return id;
  },
  dismiss: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
}));

export const toast = {
  info: (m: string, action?: Toast['action']) => useToasts.getState().show('info', m, action),
  success: (m: string, action?: Toast['action']) => useToasts.getState().show('success', m, action),
  error: (m: string) => useToasts.getState().show('error', m),
};
