import { getBlock } from '../dsp/blocks';
import type { WindowShape } from '../dsp/block';
import type { Impulse } from '../impulse/impulse';
import { augmentMotionWindow, augmentSpectrogramFeatures } from './augment';
import type { AugmentationSettings } from './learnBlock';

/** Whether an impulse's features are laid out in time ([frames, coefficients]): audio-style augmentation. */
export function isTimeFrequency(featureShape: readonly number[]): boolean {
  return featureShape.length === 2;
}

/**
 * The augmentation of a training row. Time-frequency features (MFE, MFCC, spectrogram) get SpecAugment-style
 * masks and noise on the features themselves; motion features are recomputed each epoch from an augmented
 * raw window (noise, amplitude scale, time shift) through the impulse's processing block, so the network
 * sees what the block would make of a slightly different gesture.
 */
export function makeAugmenter(
  impulse: Pick<Impulse, 'dsp'>,
  settings: AugmentationSettings,
  rows: readonly Float32Array[],
  featureShape: readonly number[],
  motion?: { windows: readonly Float32Array[]; shape: WindowShape },
): ((row: number, rand: () => number) => Float32Array) | undefined {
  if (!settings.enabled) return undefined;
  if (isTimeFrequency(featureShape)) {
    const [frames, coefs] = featureShape;
    const opts = {
      timeMasks: settings.timeMasks,
      timeMaskMax: settings.timeMaskMax,
      freqMasks: settings.freqMasks,
      freqMaskMax: settings.freqMaskMax,
      noise: settings.noise,
    };
    return (row, rand) => augmentSpectrogramFeatures(rows[row], frames, coefs, rand, opts);
  }
  if (!motion) return undefined;
  const block = getBlock(impulse.dsp.block);
  const params = block.parseParams(impulse.dsp.params);
  const opts = { noise: settings.noise, scale: settings.scale, shift: settings.shift };
  return (row, rand) =>
    block.run(params, augmentMotionWindow(motion.windows[row], motion.shape.axes, rand, opts), motion.shape);
}
