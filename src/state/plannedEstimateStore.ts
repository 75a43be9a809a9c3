import { create } from 'zustand';
import { describeError } from '../core/errors';
import type { PlannedEstimate } from '../core/tune/plannedEstimate';
import { mcuWorker } from '../platform/workers/mcuClient';
import type { PlannedEstimateJob } from '../../workers/mcuApi';

/**
 * Quiet time after the last edit before the network is estimated: typing "64" in a field asks once, not for 6
 * then 64. An estimate takes 50–400 ms in the MCU worker, so the page never waits on it.
 */
export const ESTIMATE_DEBOUNCE_MS = 300;

interface PlannedEstimateState {
  /** The job the figures are (or are being) computed for, as JSON. */
  key: string | null;
  status: 'idle' | 'pending' | 'done' | 'error';
  /** The last estimate; kept while a newer one is pending so that the figures do not blink. */
  estimate: PlannedEstimate | null;
  error: string | null;
  /** Estimates the job after the debounce, unless it is the one already shown or pending. */
  request: (job: PlannedEstimateJob) => void;
  /** Forgets the job (the plan is invalid): a pending estimate is dropped. */
  clear: () => void;
}

let timer: ReturnType<typeof setTimeout> | null = null;

function cancelTimer() {
  if (timer !== null) clearTimeout(timer);
  timer = null;
}

export const usePlannedEstimate = create<PlannedEstimateState>((set, get) => ({
  key: null,
  status: 'idle',
  estimate: null,
  error: null,

  request: (job) => {
    const key = JSON.stringify(job);
    if (get().key === key && get().status !== 'error') return;
    cancelTimer();
    set({ key, status: 'pending', error: null });
    timer = setTimeout(async () => {
      timer = null;
      try {
        const estimate = await mcuWorker().estimatePlanned(job);
        // A newer edit asked for another estimate meanwhile: that one will be shown.
        if (get().key === key) set({ status: 'done', estimate, error: null });
      } catch (e) {
        if (get().key === key) set({ status: 'error', error: describeError(e) });
      }
    }, ESTIMATE_DEBOUNCE_MS);
  },

  clear: () => {
    cancelTimer();
    set({ key: null, status: 'idle', estimate: null, error: null });
  },
}));
