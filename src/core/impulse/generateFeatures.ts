import type { SampleValues, SensorInfo } from '../dataset/sample';
import { copyWindow, framesPerWindow, windowSignal } from '../dataset/windowing';
import { getBlock } from '../dsp/blocks';
import type { WindowShape } from '../dsp/block';
import type { Impulse } from './impulse';

export interface SampleFeatures {
  windowCount: number;
  featureCount: number;
  /** windowCount × featureCount, row-major. */
  features: Float32Array;
  startMs: Float32Array;
  /** Why a sample gave no window (shorter than one window with zero-padding off). */
  skippedReason?: string;
}

/** The feature layout of an impulse for a window shape; throws the block's configuration errors. */
export function describeImpulse(impulse: Pick<Impulse, 'dsp'>, shape: WindowShape) {
  const block = getBlock(impulse.dsp.block);
  const params = block.parseParams(impulse.dsp.params);
  return { block, params, ...block.describe(params, shape) };
}

/** The features of one sample's windows, computed as they are read. */
export interface FeatureStream {
  windowCount: number;
  featureCount: number;
  /** [features] or [frames, coefficients], as the block describes it. */
  shape: number[];
  /** Why the sample gave no window (shorter than one window with zero-padding off). */
  skippedReason?: string;
  /** The windows' features in order; each row may be reused by the next iteration: copy to keep. */
  rows(): Iterable<{ index: number; startMs: number; features: Float32Array }>;
}

type SampleInput = { values: SampleValues; sensors: SensorInfo[]; intervalMs: number };

/**
 * Windows one sample as the impulse's input block says and gives the processing block's features window by
 * window: the sample is resampled once and no window is copied ahead of its turn, so a long recording costs
 * its signal plus one window. When the block can reuse frames across overlapping windows (`runWindows`), it
 * is given the whole signal; otherwise every window is copied out in turn and `run` on it.
 */
export function streamSampleFeatures(
  impulse: Pick<Impulse, 'input' | 'dsp'>,
  sample: SampleInput,
): FeatureStream {
  const windowed = windowSignal(sample, impulse.input);
  const { block, params, featureCount, shape } = describeImpulse(impulse, windowed.shape);
  const { starts } = windowed;
  const { frequencyHz } = windowed.shape;
  function* rows() {
    const features =
      block.runWindows && !windowed.zeroPadded
        ? block.runWindows(params, windowed.signal, starts, windowed.shape)
        : perWindow();
    let index = 0;
    for (const row of features) {
      yield { index, startMs: (starts[index] * 1000) / frequencyHz, features: row };
      index++;
    }
  }
  function* perWindow() {
    const window = new Float32Array(windowed.shape.frames * windowed.shape.axes);
    for (const start of starts) yield block.run(params, copyWindow(windowed, start, window), windowed.shape);
  }
  return {
    windowCount: starts.length,
    featureCount,
    shape,
    skippedReason: starts.length === 0 ? windowed.reason : undefined,
    rows,
  };
}

/** Windows one sample as the impulse's input block says and runs the processing block on every window. */
export function sampleFeatures(impulse: Pick<Impulse, 'input' | 'dsp'>, sample: SampleInput): SampleFeatures {
  const stream = streamSampleFeatures(impulse, sample);
  const { windowCount, featureCount } = stream;
  const features = new Float32Array(windowCount * featureCount);
  const startMs = new Float32Array(windowCount);
  for (const row of stream.rows()) {
    features.set(row.features, row.index * featureCount);
    startMs[row.index] = row.startMs;
  }
  return { windowCount, featureCount, features, startMs, skippedReason: stream.skippedReason };
}

/**
 * The feature layout of an impulse ([features] or [frames, coefficients]) without computing anything;
 * `featureCount` 0 (no windows were generated) gives [0]. Throws the block's configuration errors.
 */
export function featureShape(impulse: Pick<Impulse, 'input' | 'dsp'>, featureCount?: number): number[] {
  if (featureCount === 0) return [0];
  const shape = {
    axes: impulse.input.axes.length,
    frames: framesPerWindow(impulse.input),
    frequencyHz: impulse.input.frequencyHz,
  };
  return describeImpulse(impulse, shape).shape;
}
