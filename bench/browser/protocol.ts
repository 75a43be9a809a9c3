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
  outputs: number;
  /**
   * Raw int8 outputs that differ between the two runtimes. Ours follows TFLite Micro's reference kernels; the
   * official runtime uses TFLite's optimised kernels, whose rounding may differ by 1 LSB.
   */
  differingOutputs: number;
  maxLsb: number;
  /** The same comparison on the model cut before its softmax. */
  logitsMaxLsb: number;
}

export interface BrowserBenchResults extends TrainBenchResults {
  interp: InterpBenchResults;
}

export type BenchMessage =
  | { type: 'log'; text: string }
  | { type: 'done'; results: TrainBenchResults }
  | { type: 'error'; message: string };
