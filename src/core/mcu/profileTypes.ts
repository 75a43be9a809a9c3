/**
 * What a profile says about a model (or an impulse) on one board under one runtime. Every figure carries whether
 * it is exact (counted from the model itself) or estimated (a model of the hardware or of code not built here)
 * and what it rests on, so the page and the CLI can say so.
 */
import type { PlannedBuffer } from './arena';
import type { BoardId } from './boards';
import type { Runtime } from './cost';
import type { CoreFamily } from './cores';

export type Accuracy = 'exact' | 'estimated';

export interface MsFigure {
  ms: number;
  accuracy: Accuracy;
  from: string;
}

export interface BytesPart {
  name: string;
  bytes: number;
  accuracy: Accuracy;
  from: string;
}

/** RAM or flash: what the model needs, part by part, against what the board leaves it. */
export interface Budget {
  usedBytes: number;
  /** 'estimated' as soon as one part is. */
  accuracy: Accuracy;
  parts: BytesPart[];
  boardBytes: number;
  /** What the board's own firmware takes (boards.ts), and which firmware. */
  reservedBytes: number;
  reservedFor: string;
  availableBytes: number;
  /** availableBytes − usedBytes: negative when it does not fit. */
  marginBytes: number;
}

/** One op of the model on the board: its work, its estimated time and where its output sits in the arena. */
export interface LayerRow {
  index: number;
  kind: string;
  /** The routine or loop that runs it under this runtime. */
  path: string;
  inputShape: number[];
  outputShape: number[];
  weightShape: number[] | null;
  macs: number;
  cycles: number;
  ms: number;
  /** The output tensor's place in this runtime's arena; null when it is not in the arena (a graph output of the generated build). */
  arenaOffset: number | null;
  arenaBytes: number | null;
}

export interface BoardProfile {
  board: BoardId;
  boardName: string;
  core: CoreFamily;
  clockMhz: number;
  runtime: Runtime;
  /** The network's arithmetic: int8, float32, or none for a k-means learning block. */
  precision: 'int8' | 'float32' | 'none';
  /** One window of the processing block; null for a bare model. */
  dspMs: MsFigure | null;
  /** Why the DSP has no estimate (a block the cost model cannot count), when it has none. */
  dspProblem: string | null;
  /** The network; null for a k-means learning block. */
  nnMs: MsFigure | null;
  anomalyMs: MsFigure | null;
  latencyMs: MsFigure;
  /** The same latency under each runtime, and the range they span. */
  latencyByRuntime: Record<Runtime, number>;
  latencyRangeMs: [number, number];
  /** Whether the cost model's efficiency was fitted on this core family's own measurements. */
  calibrated: boolean;
  arena: { tfliteMicro: BytesPart; generated: BytesPart; used: BytesPart };
  /** This runtime's arena plan: the memory-plan picture. */
  plan: PlannedBuffer[];
  ram: Budget;
  flash: Budget;
  fits: boolean;
  /** Why it fits or not: which budget, by how much. */
  reason: string;
  layers: LayerRow[];
}
