/** Messages between the browser benchmark page, its worker and the Node runner. */
export interface TrainBenchResults {
  windows: number;
  epochs: number;
  /** Training seconds per backend, and the validation accuracy reached (a sanity check, not a goal). */
  train: Record<string, { seconds: number; valAccuracy: number | null; note?: string }>;
  liveWindowsPerS: number;
}

export interface InterpBenchResults {
  model: string;
  invokes: number;
  oursMs: number;
  officialMs: number;
  /** Raw int8 outputs of both runtimes on the benchmark inputs that differ (must be 0). */
  differingOutputs: number;
}

export interface BrowserBenchResults extends TrainBenchResults {
  interp: InterpBenchResults;
}

export type BenchMessage = { type: 'log'; text: string } | { type: 'done'; results: TrainBenchResults } | { type: 'error'; message: string };
