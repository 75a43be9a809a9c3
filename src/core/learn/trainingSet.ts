import type { SampleValues, SensorInfo } from '../dataset/sample';
import { framesPerWindow, sliceWindows } from '../dataset/windowing';
import { featureConfigHash, type Impulse } from '../impulse/impulse';
import { featureShape, sampleFeatures } from '../impulse/generateFeatures';
import { noWindowReason, windowFit } from '../impulse/windowFit';
import { StudioError } from '../errors';
import type { WindowShape } from '../dsp/block';
import type { ImpulseTrainingSet } from './trainImpulse';

export interface LabelledSample {
  id: string;
  label: string;
  values: SampleValues;
  sensors: SensorInfo[];
  intervalMs: number;
}

/**
 * The training rows of an impulse computed straight from samples (the CLI's path; the studio's worker reads
 * them through its feature cache instead). With `keepWindows`, also the raw windows motion augmentation needs.
 */
export function trainingSetFromSamples(
  impulse: Pick<Impulse, 'input' | 'dsp'>,
  samples: readonly LabelledSample[],
  keepWindows = false,
): { set: ImpulseTrainingSet; motion?: { windows: Float32Array[]; shape: WindowShape } } {
  const rows: Float32Array[] = [];
  const rowLabels: string[] = [];
  const rowSample: number[] = [];
  const rowStartMs: number[] = [];
  const windows: Float32Array[] = [];
  let featureCount = 0;
  samples.forEach((s, si) => {
    const f = sampleFeatures(impulse, s);
    featureCount ||= f.featureCount;
    for (let w = 0; w < f.windowCount; w++) {
      rows.push(f.features.slice(w * f.featureCount, (w + 1) * f.featureCount));
      rowLabels.push(s.label);
      rowSample.push(si);
      rowStartMs.push(f.startMs[w]);
    }
    if (keepWindows) windows.push(...sliceWindows(s, impulse.input).windows);
  });
  if (rows.length === 0 && samples.length > 0) {
    const lengths = samples.map((s) => ({
      frameCount: Math.floor(s.values.length / s.sensors.length),
      intervalMs: s.intervalMs,
    }));
    const reason = noWindowReason(windowFit(lengths, impulse.input));
    if (reason) throw new StudioError('no-window', reason);
  }
  const set: ImpulseTrainingSet = {
    rows,
    rowLabels,
    rowSample: Int32Array.from(rowSample),
    rowStartMs: Float32Array.from(rowStartMs),
    sampleIds: samples.map((s) => s.id),
    featureShape: featureShape(impulse, featureCount),
    configHash: featureConfigHash(impulse),
  };
  if (!keepWindows) return { set };
  const shape = {
    axes: impulse.input.axes.length,
    frames: framesPerWindow(impulse.input),
    frequencyHz: impulse.input.frequencyHz,
  };
  return { set, motion: { windows, shape } };
}
