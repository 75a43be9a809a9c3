import { aggregateSample } from './aggregate';

/** How a classifier's test results change with the confidence threshold. */
export interface ThresholdRow {
  threshold: number;
  /** Share of samples right (an uncertain sample is wrong). */
  sampleAccuracy: number;
  uncertainSamples: number;
  /** Share of windows whose top class is right and at or above the threshold. */
  windowAccuracy: number;
  uncertainWindows: number;
}

/** The thresholds the Testing page compares; the one tested is added. */
export const SWEEP_THRESHOLDS: readonly number[] = [0, 0.5, 0.6, 0.7, 0.8, 0.9];

export interface SweepSample {
  /** The class index of the sample's label; undefined for a label the model does not know (always wrong). */
  actual: number | undefined;
  windowProbs: readonly Float32Array[];
}

/**
 * Re-aggregates the same window outputs at each threshold, with the rule the test itself uses (aggregateSample),
 * so the row of the tested threshold matches the report and the row of 0 is the accuracy without a threshold.
 */
export function thresholdSweep(
  samples: readonly SweepSample[],
  thresholds: readonly number[],
): ThresholdRow[] {
  const windows = samples.reduce((n, s) => n + s.windowProbs.length, 0);
  return [...new Set(thresholds)]
    .sort((a, b) => a - b)
    .map((threshold) => {
      let rightSamples = 0;
      let uncertainSamples = 0;
      let rightWindows = 0;
      let uncertainWindows = 0;
      for (const s of samples) {
        const v = aggregateSample(s.windowProbs, threshold);
        if (v.predicted === 'uncertain') uncertainSamples++;
        else if (v.predicted === s.actual) rightSamples++;
        for (const w of v.windowPredictions) {
          if (w === 'uncertain') uncertainWindows++;
          else if (w === s.actual) rightWindows++;
        }
      }
      return {
        threshold,
        sampleAccuracy: samples.length ? rightSamples / samples.length : 0,
        uncertainSamples,
        windowAccuracy: windows ? rightWindows / windows : 0,
        uncertainWindows,
      };
    });
}
