/**
 * Latency of a whole impulse on a target (DESIGN.md §7: DSP cycles + Σ per-op cycles at the board's clock): the
 * processing block of one window, then the learning block — the network's graph under a runtime, or k-means
 * anomaly scoring.
 */
import { framesPerWindow } from '../dataset/windowing';
import type { Graph } from '../ir/graph';
import { describeImpulse } from '../impulse/generateFeatures';
import type { Impulse } from '../impulse/impulse';
import type { Target } from './boards';
import { estimateAnomaly } from './costAnomaly';
import { estimateModel, type ModelEstimate, type Runtime } from './cost';
import { estimateDsp, type DspEstimate, type DspImplementation } from './dspCost';

export interface ImpulseEstimate {
  dsp: DspEstimate;
  /** The network's estimate; null for an anomaly (k-means) learning block. */
  nn: ModelEstimate | null;
  anomalyMs: number | null;
  totalMs: number;
}

/**
 * The impulse's latency per window. `graph` is the learning block's model (the int8 or float32 graph that would be
 * deployed); pass null when the learning block is k-means anomaly detection.
 */
export function estimateImpulse(
  target: Target,
  impulse: Pick<Impulse, 'input' | 'dsp' | 'learn'>,
  graph: Graph | null,
  runtime: Runtime,
  dspImplementation: DspImplementation = 'plain-float32',
): ImpulseEstimate {
  const window = {
    axes: impulse.input.axes.length,
    frames: framesPerWindow(impulse.input),
    frequencyHz: impulse.input.frequencyHz,
  };
  const dsp = estimateDsp(target, impulse.dsp.block, impulse.dsp.params, window, dspImplementation);
  const nn = graph === null ? null : estimateModel(target, graph, runtime);
  const learn = impulse.learn;
  let anomalyMs: number | null = null;
  if (learn?.kind === 'anomaly') {
    // No chosen features means all of them (learn/anomaly.ts).
    const features = learn.featureIndices.length || describeImpulse(impulse, window).featureCount;
    anomalyMs = estimateAnomaly(target, learn.clusters, features).ms;
  }
  return { dsp, nn, anomalyMs, totalMs: dsp.ms + (nn?.ms ?? 0) + (anomalyMs ?? 0) };
}
