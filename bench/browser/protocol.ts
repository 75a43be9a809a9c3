/** Messages between the browser benchmark page and its worker. */
export interface BrowserBenchResults {
  windows: number;
  epochs: number;
  /** Training seconds per backend, and the validation accuracy reached (a sanity check, not a goal). */
  train: Record<string, { seconds: number; valAccuracy: number | null; note?: string }>;
  liveWindowsPerS: number;
}

export type BenchMessage = { type: 'log'; text: string } | { type: 'done'; results: BrowserBenchResults } | { type: 'error'; message: string };
