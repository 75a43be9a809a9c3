import type { SampleValues, SensorInfo } from '../dataset/sample';
import { framesPerWindow, sliceWindows } from '../dataset/windowing';
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

/** Windows one sample as the impulse's input block says and runs the processing block on every window. */
export function sampleFeatures(
  impulse: Pick<Impulse, 'input' | 'dsp'>,
  sample: { values: SampleValues; sensors: SensorInfo[]; intervalMs: number },
): SampleFeatures {
  const sliced = sliceWindows(sample, impulse.input);
  const { block, params, featureCount } = describeImpulse(impulse, sliced.shape);
  const features = new Float32Array(sliced.windows.length * featureCount);
  sliced.windows.forEach((w, i) => features.set(block.run(params, w, sliced.shape), i * featureCount));
  return {
    windowCount: sliced.windows.length,
    featureCount,
    features,
    startMs: Float32Array.from(sliced.startMs),
    skippedReason: sliced.windows.length === 0 ? sliced.reason : undefined,
  };
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
